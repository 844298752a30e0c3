using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Features.Data.Migrations
{
    /// <inheritdoc />
    public partial class PanelSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "panel_months");

            migrationBuilder.CreateTable(
                name: "panel_series",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    months = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_series", x => new { x.siren, x.siret });
                });

            // The series is already delta-encoded: compressing it again would cost every write for little.
            migrationBuilder.Sql("ALTER TABLE panel_series ALTER COLUMN months SET STORAGE EXTERNAL");

            // The panel is derived from the facts: rather than convert 120 rows per series in SQL,
            // every company is marked and the refresher rebuilds its series from its facts.
            migrationBuilder.Sql("""
                INSERT INTO dirty_companies AS d (siren, marked_at, mark)
                SELECT DISTINCT siren, now(), 1 FROM facts ORDER BY siren
                ON CONFLICT (siren) DO UPDATE SET mark = d.mark + 1
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "panel_series");

            migrationBuilder.CreateTable(
                name: "panel_months",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    labels = table.Column<string[]>(type: "text[]", nullable: false),
                    values = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_months", x => new { x.siren, x.siret, x.month });
                });

            // The panel is derived from the facts: rather than convert each series into rows in SQL,
            // every company is marked and the refresher rebuilds its series from its facts.
            migrationBuilder.Sql("""
                INSERT INTO dirty_companies AS d (siren, marked_at, mark)
                SELECT DISTINCT siren, now(), 1 FROM facts ORDER BY siren
                ON CONFLICT (siren) DO UPDATE SET mark = d.mark + 1
                """);
        }
    }
}
