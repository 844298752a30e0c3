using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertsLookedUpByChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alerts_officer_id_change_key",
                table: "alerts");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_change_key_officer_id",
                table: "alerts",
                columns: new[] { "change_key", "officer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alerts_unread",
                table: "alerts",
                column: "officer_id",
                filter: "read_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alerts_change_key_officer_id",
                table: "alerts");

            migrationBuilder.DropIndex(
                name: "ix_alerts_unread",
                table: "alerts");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_officer_id_change_key",
                table: "alerts",
                columns: new[] { "officer_id", "change_key" },
                unique: true);
        }
    }
}
