using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SignauxFaibles.Ingestion.Urssaf.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountMapAndPendingRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "records_pending",
                table: "batches",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "records_stored",
                table: "batches",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "account_link",
                columns: table => new
                {
                    record_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    account_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_link", x => x.record_key);
                });

            migrationBuilder.CreateTable(
                name: "pending_record",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    file_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    account_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    kept_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_record", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_link_account_number",
                table: "account_link",
                column: "account_number");

            migrationBuilder.CreateIndex(
                name: "ix_pending_record_account_number",
                table: "pending_record",
                column: "account_number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_link");

            migrationBuilder.DropTable(
                name: "pending_record");

            migrationBuilder.DropColumn(
                name: "records_pending",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "records_stored",
                table: "batches");
        }
    }
}
