using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlannedLeaveRecorded : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "PlannedLeaves",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "PlannedLeaves",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedLeaves_To",
                table: "PlannedLeaves",
                column: "To");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlannedLeaves_To",
                table: "PlannedLeaves");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "PlannedLeaves");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "PlannedLeaves");
        }
    }
}
