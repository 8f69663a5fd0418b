using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HallOps.Domain.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class HandoversReceivedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PresenceEvents_HandoverToStaffId_At",
                table: "PresenceEvents",
                columns: new[] { "HandoverToStaffId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PresenceEvents_HandoverToStaffId_At",
                table: "PresenceEvents");
        }
    }
}
