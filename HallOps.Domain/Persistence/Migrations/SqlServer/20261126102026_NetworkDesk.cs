using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class NetworkDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Regulation",
                table: "RoundTemplateItem",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Equipment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AssetNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    WindowId = table.Column<int>(type: "int", nullable: true),
                    Room = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    HolderStaffId = table.Column<int>(type: "int", nullable: true),
                    HoldsImportantFiles = table.Column<bool>(type: "bit", nullable: false),
                    BootPasswordConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BootPasswordConfirmedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    NextMaintenanceOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MaintenanceIntervalDays = table.Column<int>(type: "int", nullable: false),
                    LastMaintainedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Equipment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Equipment_StaffMembers_HolderStaffId",
                        column: x => x.HolderStaffId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Equipment_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MachineRoomEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Person = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IsAdministrator = table.Column<bool>(type: "bit", nullable: false),
                    StaffId = table.Column<int>(type: "int", nullable: true),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Purpose = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AccompaniedBy = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ApprovedBy = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MachineRoomEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EquipmentEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EquipmentId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    From = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    To = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EquipmentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EquipmentEvents_Equipment_EquipmentId",
                        column: x => x.EquipmentId,
                        principalTable: "Equipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediaScans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Medium = table.Column<int>(type: "int", nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    OwnerUnit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Purpose = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Antivirus = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SignatureDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Result = table.Column<int>(type: "int", nullable: false),
                    VirusName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EquipmentId = table.Column<int>(type: "int", nullable: true),
                    WindowId = table.Column<int>(type: "int", nullable: true),
                    StaffId = table.Column<int>(type: "int", nullable: true),
                    ScannedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ScannedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    IncidentId = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaScans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaScans_Equipment_EquipmentId",
                        column: x => x.EquipmentId,
                        principalTable: "Equipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediaScans_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VirusIncidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    EquipmentId = table.Column<int>(type: "int", nullable: true),
                    AssetNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    NotReportersAsset = table.Column<bool>(type: "bit", nullable: false),
                    WindowId = table.Column<int>(type: "int", nullable: true),
                    ReporterStaffId = table.Column<int>(type: "int", nullable: true),
                    ReportedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    VirusName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    MediaScanId = table.Column<long>(type: "bigint", nullable: true),
                    FixedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FixedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    FixNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VirusIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VirusIncidents_Equipment_EquipmentId",
                        column: x => x.EquipmentId,
                        principalTable: "Equipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VirusIncidents_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_AssetNumber",
                table: "Equipment",
                column: "AssetNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_HolderStaffId",
                table: "Equipment",
                column: "HolderStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_NextMaintenanceOn",
                table: "Equipment",
                column: "NextMaintenanceOn");

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_WindowId",
                table: "Equipment",
                column: "WindowId");

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentEvents_EquipmentId_At",
                table: "EquipmentEvents",
                columns: new[] { "EquipmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MachineRoomEntries_EnteredAt",
                table: "MachineRoomEntries",
                column: "EnteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_MediaScans_EquipmentId",
                table: "MediaScans",
                column: "EquipmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaScans_ScannedAt",
                table: "MediaScans",
                column: "ScannedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MediaScans_WindowId",
                table: "MediaScans",
                column: "WindowId");

            migrationBuilder.CreateIndex(
                name: "IX_VirusIncidents_EquipmentId",
                table: "VirusIncidents",
                column: "EquipmentId");

            migrationBuilder.CreateIndex(
                name: "IX_VirusIncidents_MediaScanId",
                table: "VirusIncidents",
                column: "MediaScanId",
                unique: true,
                filter: "[MediaScanId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VirusIncidents_Number",
                table: "VirusIncidents",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VirusIncidents_Status_ReportedAt",
                table: "VirusIncidents",
                columns: new[] { "Status", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VirusIncidents_WindowId",
                table: "VirusIncidents",
                column: "WindowId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EquipmentEvents");

            migrationBuilder.DropTable(
                name: "MachineRoomEntries");

            migrationBuilder.DropTable(
                name: "MediaScans");

            migrationBuilder.DropTable(
                name: "VirusIncidents");

            migrationBuilder.DropTable(
                name: "Equipment");

            migrationBuilder.DropColumn(
                name: "Regulation",
                table: "RoundTemplateItem");
        }
    }
}
