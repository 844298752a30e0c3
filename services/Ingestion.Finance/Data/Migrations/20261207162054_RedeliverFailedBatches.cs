using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Ingestion.Finance.Data.Migrations
{
    /// <inheritdoc />
    public partial class RedeliverFailedBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_batches_file_kind_content_sha256",
                table: "batches");

            migrationBuilder.CreateIndex(
                name: "ix_batches_file_kind_content_sha256",
                table: "batches",
                columns: new[] { "file_kind", "content_sha256" },
                unique: true,
                filter: "status <> 'Failed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_batches_file_kind_content_sha256",
                table: "batches");

            migrationBuilder.CreateIndex(
                name: "ix_batches_file_kind_content_sha256",
                table: "batches",
                columns: new[] { "file_kind", "content_sha256" },
                unique: true);
        }
    }
}
