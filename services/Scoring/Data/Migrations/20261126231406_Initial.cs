using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SignauxFaibles.Scoring.Data.Migrations
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
                name: "activations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    model_version_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activations", x => x.id);
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
                name: "layouts",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    names = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_layouts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "model_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    trained_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    train_from = table.Column<string>(type: "text", nullable: true),
                    train_to = table.Column<string>(type: "text", nullable: true),
                    features = table.Column<List<string>>(type: "text[]", nullable: false),
                    metrics = table.Column<string>(type: "jsonb", nullable: false),
                    red_threshold = table.Column<double>(type: "double precision", nullable: false),
                    orange_threshold = table.Column<double>(type: "double precision", nullable: false),
                    artifact = table.Column<byte[]>(type: "bytea", nullable: false),
                    artifact_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_model_versions", x => x.id);
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
                name: "rescore_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    model_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    companies = table.Column<int>(type: "integer", nullable: false),
                    scored = table.Column<int>(type: "integer", nullable: false),
                    level_changes = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescore_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scores",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    model_version_id = table.Column<int>(type: "integer", nullable: false),
                    model_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    probability = table.Column<double>(type: "double precision", nullable: false),
                    margin = table.Column<double>(type: "double precision", nullable: false),
                    baseline = table.Column<double>(type: "double precision", nullable: false),
                    level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    themes = table.Column<double[]>(type: "double precision[]", nullable: false),
                    top_features = table.Column<string>(type: "jsonb", nullable: false),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "snapshots",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    values = table.Column<float[]>(type: "real[]", nullable: false),
                    layout = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    departement = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    region = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    naf_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    naf_section = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_snapshots", x => new { x.siren, x.month });
                });

            migrationBuilder.CreateTable(
                name: "standings",
                columns: table => new
                {
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    probability = table.Column<double>(type: "double precision", nullable: true),
                    model_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    not_scored_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    first_alert_month = table.Column<DateOnly>(type: "date", nullable: true),
                    previous_level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    departement = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    region = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    naf_section = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    naf_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    headcount = table.Column<double>(type: "double precision", nullable: true),
                    size_class = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    main_theme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_standings", x => x.siren);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_handled_at",
                schema: "messaging",
                table: "inbox_messages",
                column: "handled_at");

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_is_active",
                table: "model_versions",
                column: "is_active",
                unique: true,
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_model_versions_version",
                table: "model_versions",
                column: "version",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_scores_siren_month",
                table: "scores",
                columns: new[] { "siren", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_standings_level_departement",
                table: "standings",
                columns: new[] { "level", "departement" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activations");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "messaging");

            migrationBuilder.DropTable(
                name: "layouts");

            migrationBuilder.DropTable(
                name: "model_versions");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "messaging");

            migrationBuilder.DropTable(
                name: "rescore_runs");

            migrationBuilder.DropTable(
                name: "scores");

            migrationBuilder.DropTable(
                name: "snapshots");

            migrationBuilder.DropTable(
                name: "standings");
        }
    }
}
