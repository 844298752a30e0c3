using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Scoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class StandingTurnover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "turnover",
                table: "standings",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "turnover",
                table: "standings");
        }
    }
}
