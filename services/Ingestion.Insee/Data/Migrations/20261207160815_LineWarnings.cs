using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Ingestion.Insee.Data.Migrations
{
    /// <inheritdoc />
    public partial class LineWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "lines_with_warnings",
                table: "batches",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "warning",
                table: "batch_rejects",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lines_with_warnings",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "warning",
                table: "batch_rejects");
        }
    }
}
