using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RoundTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rounds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduleId = table.Column<int>(type: "INTEGER", nullable: true),
                    OccurrenceKey = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WindowId = table.Column<int>(type: "INTEGER", nullable: true),
                    FloorId = table.Column<int>(type: "INTEGER", nullable: true),
                    DueFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    DueBy = table.Column<long>(type: "INTEGER", nullable: false),
                    MissedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssigneeRole = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AssigneeStaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OutOfWindowReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    NextCheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rounds_RoundTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "RoundTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    SampleShare = table.Column<double>(type: "REAL", nullable: false),
                    AssigneeRole = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DueWithinMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MissedAfterMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundSchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundSchedules_RoundTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "RoundTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundTemplateItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PhotoOnFail = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoteOnFail = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundTemplateItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundTemplateItem_RoundTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "RoundTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Photo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundChecks_Rounds_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundChecks_InstanceId_Order",
                table: "RoundChecks",
                columns: new[] { "InstanceId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_Kind_DueFrom",
                table: "Rounds",
                columns: new[] { "Kind", "DueFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_NextCheckAt",
                table: "Rounds",
                column: "NextCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_OccurrenceKey",
                table: "Rounds",
                column: "OccurrenceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_TemplateId",
                table: "Rounds",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_WindowId_DueFrom",
                table: "Rounds",
                columns: new[] { "WindowId", "DueFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundSchedules_TemplateId",
                table: "RoundSchedules",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundTemplateItem_TemplateId_Order",
                table: "RoundTemplateItem",
                columns: new[] { "TemplateId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundTemplates_Code",
                table: "RoundTemplates",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoundChecks");

            migrationBuilder.DropTable(
                name: "RoundSchedules");

            migrationBuilder.DropTable(
                name: "RoundTemplateItem");

            migrationBuilder.DropTable(
                name: "Rounds");

            migrationBuilder.DropTable(
                name: "RoundTemplates");
        }
    }
}
