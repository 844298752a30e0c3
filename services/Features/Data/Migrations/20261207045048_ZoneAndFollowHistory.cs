using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SignauxFaibles.Features.Data.Migrations
{
    /// <inheritdoc />
    public partial class ZoneAndFollowHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_periods",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    officer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_periods", x => x.id);
                });

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
                name: "ix_follow_periods_officer_until",
                table: "follow_periods",
                columns: new[] { "officer", "until" });

            migrationBuilder.CreateIndex(
                name: "ix_follow_periods_siren_until",
                table: "follow_periods",
                columns: new[] { "siren", "until" });

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
                name: "follow_periods");

            migrationBuilder.DropTable(
                name: "known_establishments");
        }
    }
}
