using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Coverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Severity = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    WindowId = table.Column<int>(type: "int", nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AckNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReAlertedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    IsOpen = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlannedLeaves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StaffMemberId = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedLeaves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedLeaves_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PresenceEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StaffMemberId = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    PostId = table.Column<int>(type: "int", nullable: true),
                    Reason = table.Column<int>(type: "int", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpectedReturn = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    HandoverToStaffId = table.Column<int>(type: "int", nullable: true),
                    HandoverNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PresenceEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Presences",
                columns: table => new
                {
                    StaffMemberId = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    PostId = table.Column<int>(type: "int", nullable: true),
                    Reason = table.Column<int>(type: "int", nullable: true),
                    Since = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpectedReturn = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    HandoverToStaffId = table.Column<int>(type: "int", nullable: true),
                    HandoverNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Presences", x => x.StaffMemberId);
                    table.ForeignKey(
                        name: "FK_Presences_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_IsOpen_RaisedAt",
                table: "Alerts",
                columns: new[] { "IsOpen", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Open_Kind_Subject",
                table: "Alerts",
                columns: new[] { "Kind", "Subject" },
                unique: true,
                filter: "\"IsOpen\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ResolvedAt",
                table: "Alerts",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedLeaves_StaffMemberId_From",
                table: "PlannedLeaves",
                columns: new[] { "StaffMemberId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_PresenceEvents_At",
                table: "PresenceEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PresenceEvents_StaffMemberId_At",
                table: "PresenceEvents",
                columns: new[] { "StaffMemberId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "PlannedLeaves");

            migrationBuilder.DropTable(
                name: "PresenceEvents");

            migrationBuilder.DropTable(
                name: "Presences");
        }
    }
}
