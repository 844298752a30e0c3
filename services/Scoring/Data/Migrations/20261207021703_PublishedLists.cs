using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Scoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "published_list_entries",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    probability = table.Column<double>(type: "double precision", nullable: false),
                    model_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    main_theme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    departement = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    region = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    naf_section = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    top_features = table.Column<string>(type: "json", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_published_list_entries", x => new { x.month, x.siren });
                });

            migrationBuilder.CreateTable(
                name: "published_lists",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    model_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    red_threshold = table.Column<double>(type: "double precision", nullable: false),
                    orange_threshold = table.Column<double>(type: "double precision", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    red = table.Column<int>(type: "integer", nullable: false),
                    orange = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_published_lists", x => x.month);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "published_list_entries");

            migrationBuilder.DropTable(
                name: "published_lists");
        }
    }
}
