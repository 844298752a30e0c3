using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SignauxFaibles.Features.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpAndConfidentiality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "followed_companies",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Follows made before follow-up statuses existed are in progress.
                defaultValue: "InProgress");

            migrationBuilder.AddColumn<bool>(
                name: "useful",
                table: "followed_companies",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "verdict_at",
                table: "followed_companies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verdict_reason",
                table: "followed_companies",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "confidentiality_acknowledgements",
                columns: table => new
                {
                    officer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_confidentiality_acknowledgements", x => x.officer);
                });

            migrationBuilder.CreateTable(
                name: "follow_notes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    officer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_notes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_follow_notes_officer_siren",
                table: "follow_notes",
                columns: new[] { "officer", "siren" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "confidentiality_acknowledgements");

            migrationBuilder.DropTable(
                name: "follow_notes");

            migrationBuilder.DropColumn(
                name: "status",
                table: "followed_companies");

            migrationBuilder.DropColumn(
                name: "useful",
                table: "followed_companies");

            migrationBuilder.DropColumn(
                name: "verdict_at",
                table: "followed_companies");

            migrationBuilder.DropColumn(
                name: "verdict_reason",
                table: "followed_companies");
        }
    }
}
