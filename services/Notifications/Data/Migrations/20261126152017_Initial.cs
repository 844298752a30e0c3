using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SignauxFaibles.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "messaging");

            migrationBuilder.CreateTable(
                name: "companies",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    activity_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    size_category = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_companies", x => x.siren);
                });

            migrationBuilder.CreateTable(
                name: "deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    officer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recipient = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "establishments",
                columns: table => new
                {
                    siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    departement = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    region = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_establishments", x => x.siret);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "messaging",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "officers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    institution = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    function = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    access_level = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    rights = table.Column<int>(type: "integer", nullable: false),
                    national = table.Column<bool>(type: "boolean", nullable: false),
                    departements = table.Column<List<string>>(type: "text[]", nullable: false),
                    regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    mail_preference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subscribed_levels = table.Column<string[]>(type: "text[]", nullable: false),
                    subscribed_worsening = table.Column<bool>(type: "boolean", nullable: false),
                    subscribed_improving = table.Column<bool>(type: "boolean", nullable: false),
                    subscribed_leaving_lists = table.Column<bool>(type: "boolean", nullable: false),
                    subscribed_sectors = table.Column<List<string>>(type: "text[]", nullable: false),
                    subscribed_size_categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_officers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "messaging",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<byte[]>(type: "bytea", nullable: false)
                        .Annotation("Npgsql:Compression:", "lz4"),
                    partition_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    group = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhooks",
                columns: table => new
                {
                    institution = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhooks", x => x.institution);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    officer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    change_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    company_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    previous_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    main_themes = table.Column<List<string>>(type: "text[]", nullable: false),
                    mail_plan = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledgement_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    digested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_alerts_officers_officer_id",
                        column: x => x.officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_digest_pending",
                table: "alerts",
                column: "officer_id",
                filter: "mail_plan = 'Digest' AND digested_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_officer_id_change_key",
                table: "alerts",
                columns: new[] { "officer_id", "change_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alerts_officer_id_created_at",
                table: "alerts",
                columns: new[] { "officer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                column: "next_attempt_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_key",
                table: "deliveries",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_establishments_siren",
                table: "establishments",
                column: "siren");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_handled_at",
                schema: "messaging",
                table: "inbox_messages",
                column: "handled_at");

            migrationBuilder.CreateIndex(
                name: "ix_officers_departements",
                table: "officers",
                column: "departements")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_officers_email",
                table: "officers",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_officers_regions",
                table: "officers",
                column: "regions")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_group",
                schema: "messaging",
                table: "outbox_messages",
                column: "group");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                schema: "messaging",
                table: "outbox_messages",
                column: "message_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "companies");

            migrationBuilder.DropTable(
                name: "deliveries");

            migrationBuilder.DropTable(
                name: "establishments");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "messaging");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "messaging");

            migrationBuilder.DropTable(
                name: "webhooks");

            migrationBuilder.DropTable(
                name: "officers");
        }
    }
}
