using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Equipment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WindowId = table.Column<int>(type: "INTEGER", nullable: true),
                    Room = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HolderStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    HoldsImportantFiles = table.Column<bool>(type: "INTEGER", nullable: false),
                    BootPasswordConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BootPasswordConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    NextMaintenanceOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MaintenanceIntervalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LastMaintainedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Person = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsAdministrator = table.Column<bool>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccompaniedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MachineRoomEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EquipmentEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EquipmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Medium = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OwnerUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Antivirus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignatureDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: false),
                    VirusName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EquipmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    WindowId = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    ScannedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ScannedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EquipmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssetNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    NotReportersAsset = table.Column<bool>(type: "INTEGER", nullable: false),
                    WindowId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReporterStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    VirusName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    MediaScanId = table.Column<long>(type: "INTEGER", nullable: true),
                    FixedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FixedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FixNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                unique: true);

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
