using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Features.Data.Migrations
{
    /// <inheritdoc />
    public partial class Panel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_debt_months");

            migrationBuilder.DropTable(
                name: "debt_steps");

            migrationBuilder.CreateTable(
                name: "dirty_companies",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mark = table.Column<long>(type: "bigint", nullable: false),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dirty_companies", x => x.siren);
                });

            migrationBuilder.CreateTable(
                name: "facts",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    record_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facts", x => new { x.siren, x.kind, x.record_key });
                });

            migrationBuilder.CreateTable(
                name: "panel_months",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    values = table.Column<byte[]>(type: "bytea", nullable: false),
                    labels = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_months", x => new { x.siren, x.siret, x.month });
                });

            migrationBuilder.CreateTable(
                name: "panel_state",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_state", x => x.name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dirty_companies");

            migrationBuilder.DropTable(
                name: "facts");

            migrationBuilder.DropTable(
                name: "panel_months");

            migrationBuilder.DropTable(
                name: "panel_state");

            migrationBuilder.CreateTable(
                name: "company_debt_months",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    employee_share = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    employer_share = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_debt_months", x => new { x.siren, x.month });
                });

            migrationBuilder.CreateTable(
                name: "debt_steps",
                columns: table => new
                {
                    record_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    account_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    debt_line_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_month = table.Column<DateOnly>(type: "date", nullable: false),
                    employee_share = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    employer_share = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    history_number = table.Column<int>(type: "integer", nullable: false),
                    period_first = table.Column<DateOnly>(type: "date", nullable: false),
                    processed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_debt_steps", x => x.record_key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_debt_steps_siren",
                table: "debt_steps",
                column: "siren");
        }
    }
}
