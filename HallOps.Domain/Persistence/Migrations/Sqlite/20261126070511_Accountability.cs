using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Accountability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DerelictionRecords_StaffMemberId",
                table: "DerelictionRecords");

            migrationBuilder.AddColumn<long>(
                name: "AlertId",
                table: "DerelictionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ComplaintId",
                table: "DerelictionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecisionDate",
                table: "DerelictionRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionMaker",
                table: "DerelictionRecords",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "DerelictionRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ReadAt",
                table: "DerelictionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadBy",
                table: "DerelictionRecords",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RoundExceptionId",
                table: "DerelictionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sanctions",
                table: "DerelictionRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Severity",
                table: "DerelictionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "DerelictionRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WindowId",
                table: "DerelictionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ComplainantName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ComplainantPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubjectStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectWindowId = table.Column<int>(type: "INTEGER", nullable: true),
                    InquiryId = table.Column<long>(type: "INTEGER", nullable: true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    RatingLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DueSoonAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReplyMethod = table.Column<int>(type: "INTEGER", nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplyNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CallBackRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CalledBackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CallBackNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FixNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_StaffMembers_SubjectStaffId",
                        column: x => x.SubjectStaffId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Windows_SubjectWindowId",
                        column: x => x.SubjectWindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintNotes_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inquiries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MatterId = table.Column<int>(type: "INTEGER", nullable: true),
                    WindowId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponderStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponderUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResponderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PersonPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Disposition = table.Column<int>(type: "INTEGER", nullable: true),
                    DisposedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WrittenNotice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    HandlerStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetWindowId = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DepartmentAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DepartmentPhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Liaised = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeedbackMethod = table.Column<int>(type: "INTEGER", nullable: true),
                    FeedbackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inquiries_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inquiries_StaffMembers_HandlerStaffId",
                        column: x => x.HandlerStaffId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inquiries_StaffMembers_ResponderStaffId",
                        column: x => x.ResponderStaffId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inquiries_Windows_TargetWindowId",
                        column: x => x.TargetWindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inquiries_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DerelictionRecords_ComplaintId",
                table: "DerelictionRecords",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_DerelictionRecords_StaffMemberId_Status",
                table: "DerelictionRecords",
                columns: new[] { "StaffMemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DerelictionRecords_Status_DecisionDate",
                table: "DerelictionRecords",
                columns: new[] { "Status", "DecisionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintNotes_ComplaintId",
                table: "ComplaintNotes",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_InquiryId",
                table: "Complaints",
                column: "InquiryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Number",
                table: "Complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RatingReference",
                table: "Complaints",
                column: "RatingReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedAt",
                table: "Complaints",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Status_DueAt",
                table: "Complaints",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_SubjectStaffId",
                table: "Complaints",
                column: "SubjectStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_SubjectWindowId",
                table: "Complaints",
                column: "SubjectWindowId");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Name",
                table: "Departments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ComplaintId",
                table: "Inquiries",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_DepartmentId",
                table: "Inquiries",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Disposition_ClosedAt",
                table: "Inquiries",
                columns: new[] { "Disposition", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_HandlerStaffId",
                table: "Inquiries",
                column: "HandlerStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ReceivedAt",
                table: "Inquiries",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ResponderStaffId",
                table: "Inquiries",
                column: "ResponderStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_ResponderUserName_ReceivedAt",
                table: "Inquiries",
                columns: new[] { "ResponderUserName", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_TargetWindowId",
                table: "Inquiries",
                column: "TargetWindowId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_WindowId",
                table: "Inquiries",
                column: "WindowId");

            // Records drafted before they had an origin: told apart by their source key.
            migrationBuilder.Sql("UPDATE DerelictionRecords SET Origin = 2 WHERE SourceKey LIKE 'case:%:overdue'");
            migrationBuilder.Sql("UPDATE DerelictionRecords SET Origin = 1 WHERE SourceKey LIKE 'case:%:notice:%'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintNotes");

            migrationBuilder.DropTable(
                name: "Inquiries");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_DerelictionRecords_ComplaintId",
                table: "DerelictionRecords");

            migrationBuilder.DropIndex(
                name: "IX_DerelictionRecords_StaffMemberId_Status",
                table: "DerelictionRecords");

            migrationBuilder.DropIndex(
                name: "IX_DerelictionRecords_Status_DecisionDate",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "AlertId",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "ComplaintId",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "DecisionDate",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "DecisionMaker",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "ReadBy",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "RoundExceptionId",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "Sanctions",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "Severity",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "DerelictionRecords");

            migrationBuilder.DropColumn(
                name: "WindowId",
                table: "DerelictionRecords");

            migrationBuilder.CreateIndex(
                name: "IX_DerelictionRecords_StaffMemberId",
                table: "DerelictionRecords",
                column: "StaffMemberId");
        }
    }
}
