using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_AcceptedAt",
                table: "Cases",
                column: "AcceptedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Light_DueAt",
                table: "Cases",
                columns: new[] { "Light", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_ReceivedAt",
                table: "Cases",
                columns: new[] { "State", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AcceptedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Light_DueAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_ReceivedAt",
                table: "Cases");
        }
    }
}
