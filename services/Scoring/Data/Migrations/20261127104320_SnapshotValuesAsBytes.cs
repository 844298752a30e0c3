using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SignauxFaibles.Scoring.Data.Migrations
{
    /// <summary>
    /// Snapshot values from <c>real[]</c> to big-endian 4-byte floats in <c>bytea</c> (see
    /// <c>SnapshotValues</c>). Existing rows are converted in place: <c>float4send</c> gives
    /// exactly those bytes, and the way back rebuilds each float from its sign, exponent and mantissa.
    /// </summary>
    public partial class SnapshotValuesAsBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create function sf_floats_to_bytes(v real[]) returns bytea language sql immutable strict as
                $$ select coalesce(string_agg(float4send(x), ''::bytea order by i), ''::bytea) from unnest(v) with ordinality u(x, i) $$;
                alter table snapshots alter column values type bytea using sf_floats_to_bytes(values);
                drop function sf_floats_to_bytes(real[]);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create function sf_bits_to_float(bits bigint) returns real language sql immutable strict as
                $$ select (case
                    when (bits >> 23) & 255 = 255 and bits & 8388607 <> 0 then 'NaN'::float8
                    when (bits >> 23) & 255 = 255 then 'Infinity'::float8
                    when (bits >> 23) & 255 = 0 then (bits & 8388607) * power(2::float8, -149)
                    else (1 + (bits & 8388607) / 8388608::float8) * power(2::float8, ((bits >> 23) & 255) - 127)
                   end * (case when bits >> 31 = 1 then -1 else 1 end))::real $$;
                create function sf_bytes_to_floats(b bytea) returns real[] language sql immutable strict as
                $$ select coalesce(array_agg(sf_bits_to_float(
                       (get_byte(b, i)::bigint << 24) | (get_byte(b, i + 1) << 16) | (get_byte(b, i + 2) << 8) | get_byte(b, i + 3)) order by i), '{}')
                   from generate_series(0, length(b) - 4, 4) i $$;
                alter table snapshots alter column values type real[] using sf_bytes_to_floats(values);
                drop function sf_bytes_to_floats(bytea);
                drop function sf_bits_to_float(bigint);
                """);
        }
    }
}
