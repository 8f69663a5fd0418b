using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Appointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AppointmentPhone",
                table: "Windows",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChiefRepresentativeStaffId",
                table: "Windows",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AppointmentReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Requests = table.Column<int>(type: "int", nullable: false),
                    Accepted = table.Column<int>(type: "int", nullable: false),
                    Declined = table.Column<int>(type: "int", nullable: false),
                    Done = table.Column<int>(type: "int", nullable: false),
                    NoShows = table.Column<int>(type: "int", nullable: false),
                    LateArrivals = table.Column<int>(type: "int", nullable: false),
                    MinutesServed = table.Column<int>(type: "int", nullable: false),
                    Rows = table.Column<string>(type: "nvarchar(max)", maxLength: 2147483647, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    PublicToken = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    RequesterKind = table.Column<int>(type: "int", nullable: false),
                    RequesterName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    OrganisationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    MatterId = table.Column<int>(type: "int", nullable: false),
                    MatterName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WindowId = table.Column<int>(type: "int", nullable: false),
                    SlotStart = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SlotMinutes = table.Column<int>(type: "int", nullable: false),
                    RequesterNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ReplyDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RepliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RepliedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ServingStaffId = table.Column<int>(type: "int", nullable: true),
                    ServingStaffName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ServingStaffPhone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    MaterialsList = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    DeclineReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DeclineApprovedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DeclineApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FirstReminderAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastReminderAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CheckedInLate = table.Column<bool>(type: "bit", nullable: false),
                    ServedFrom = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ServedTo = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CompMinutes = table.Column<int>(type: "int", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CompletedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CompletionNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RescheduledToId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_Matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_StaffMembers_ServingStaffId",
                        column: x => x.ServingStaffId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompTimeEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StaffMemberId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Minutes = table.Column<int>(type: "int", nullable: false),
                    AppointmentId = table.Column<long>(type: "bigint", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedLeaveId = table.Column<int>(type: "int", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompTimeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompTimeEntries_PlannedLeaves_PlannedLeaveId",
                        column: x => x.PlannedLeaveId,
                        principalTable: "PlannedLeaves",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CompTimeEntries_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Windows_ChiefRepresentativeStaffId",
                table: "Windows",
                column: "ChiefRepresentativeStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentReports_WeekStart",
                table: "AppointmentReports",
                column: "WeekStart",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_MatterId",
                table: "Appointments",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Number",
                table: "Appointments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PublicToken",
                table: "Appointments",
                column: "PublicToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ServingStaffId_SlotStart",
                table: "Appointments",
                columns: new[] { "ServingStaffId", "SlotStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_SlotStart",
                table: "Appointments",
                column: "SlotStart");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Status_ReplyDueAt",
                table: "Appointments",
                columns: new[] { "Status", "ReplyDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_WindowId_SlotStart",
                table: "Appointments",
                columns: new[] { "WindowId", "SlotStart" });

            migrationBuilder.CreateIndex(
                name: "IX_CompTimeEntries_AppointmentId",
                table: "CompTimeEntries",
                column: "AppointmentId",
                unique: true,
                filter: "[AppointmentId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CompTimeEntries_PlannedLeaveId",
                table: "CompTimeEntries",
                column: "PlannedLeaveId");

            migrationBuilder.CreateIndex(
                name: "IX_CompTimeEntries_StaffMemberId",
                table: "CompTimeEntries",
                column: "StaffMemberId");

            migrationBuilder.AddForeignKey(
                name: "FK_Windows_StaffMembers_ChiefRepresentativeStaffId",
                table: "Windows",
                column: "ChiefRepresentativeStaffId",
                principalTable: "StaffMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Windows_StaffMembers_ChiefRepresentativeStaffId",
                table: "Windows");

            migrationBuilder.DropTable(
                name: "AppointmentReports");

            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "CompTimeEntries");

            migrationBuilder.DropIndex(
                name: "IX_Windows_ChiefRepresentativeStaffId",
                table: "Windows");

            migrationBuilder.DropColumn(
                name: "AppointmentPhone",
                table: "Windows");

            migrationBuilder.DropColumn(
                name: "ChiefRepresentativeStaffId",
                table: "Windows");
        }
    }
}
