using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Ingestion.Insee.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxBinaryBody : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows still waiting keep their content: json text becomes its UTF-8 bytes.
            migrationBuilder.Sql("""
                ALTER TABLE messaging.outbox_messages
                    ALTER COLUMN body TYPE bytea USING convert_to(body::text, 'UTF8'),
                    ALTER COLUMN body SET COMPRESSION lz4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE messaging.outbox_messages
                    ALTER COLUMN body TYPE json USING convert_from(body, 'UTF8')::json,
                    ALTER COLUMN body SET COMPRESSION default;
                """);
        }
    }
}
