using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Scoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompanySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "company_search",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    usual_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    communes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    name_text = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    commune_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false, computedColumnSql: "name_text || ' ' || commune_text", stored: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_search", x => x.siren);
                });

            migrationBuilder.CreateTable(
                name: "establishment_communes",
                columns: table => new
                {
                    siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    commune = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    open = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_establishment_communes", x => x.siret);
                });

            migrationBuilder.CreateIndex(
                name: "ix_company_search_search_text",
                table: "company_search",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_establishment_communes_siren",
                table: "establishment_communes",
                column: "siren");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_search");

            migrationBuilder.DropTable(
                name: "establishment_communes");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
