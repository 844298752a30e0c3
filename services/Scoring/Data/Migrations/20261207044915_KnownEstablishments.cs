using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Scoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnownEstablishments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "known_establishments",
                columns: table => new
                {
                    siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    departement = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    region = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    open = table.Column<bool>(type: "boolean", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    placing = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_establishments", x => x.siret);
                });

            migrationBuilder.CreateIndex(
                name: "ix_known_establishments_departement_placing",
                table: "known_establishments",
                columns: new[] { "departement", "placing" });

            migrationBuilder.CreateIndex(
                name: "ix_known_establishments_region_placing",
                table: "known_establishments",
                columns: new[] { "region", "placing" });

            migrationBuilder.CreateIndex(
                name: "ix_known_establishments_siren",
                table: "known_establishments",
                column: "siren");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "known_establishments");
        }
    }
}
