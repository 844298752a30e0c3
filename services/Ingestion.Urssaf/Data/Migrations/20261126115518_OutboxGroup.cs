using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Ingestion.Urssaf.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxGroup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "group",
                schema: "messaging",
                table: "outbox_messages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_group",
                schema: "messaging",
                table: "outbox_messages",
                column: "group");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_group",
                schema: "messaging",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "group",
                schema: "messaging",
                table: "outbox_messages");
        }
    }
}
