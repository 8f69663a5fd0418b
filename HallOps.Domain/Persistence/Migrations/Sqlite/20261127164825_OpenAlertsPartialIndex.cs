using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenAlertsPartialIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_IsOpen_RaisedAt",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_Open_Kind_Subject",
                table: "Alerts");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Open_Kind_Subject",
                table: "Alerts",
                columns: new[] { "Kind", "Subject" },
                unique: true,
                filter: "\"IsOpen\"");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Open_RaisedAt",
                table: "Alerts",
                column: "RaisedAt",
                filter: "\"IsOpen\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_Open_Kind_Subject",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_Open_RaisedAt",
                table: "Alerts");

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
        }
    }
}
