using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PlannedLeaveRecorded : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "PlannedLeaves",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "PlannedLeaves",
                type: "nvarchar(256)",
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
