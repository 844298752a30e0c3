using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Features.Data.Migrations
{
    /// <inheritdoc />
    public partial class FactKnowledgeTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "known_at",
                table: "facts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "known_at",
                table: "facts");
        }
    }
}
