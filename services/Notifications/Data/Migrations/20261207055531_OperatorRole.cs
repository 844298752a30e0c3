using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class OperatorRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "operator",
                table: "officers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "operator",
                table: "officers");
        }
    }
}
