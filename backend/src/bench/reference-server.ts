import Fastify from "fastify";
import pg from "pg";

// The benchmark's yardstick: the practical limit of this machine for one database read or write over
// HTTP. A bare Fastify with no plugins, no auth and no logging, and a pg pool the size of the real
// server's, on the same database. The real server's routes are reported as a share of these.
//   GET  /user/:id  one user row by primary key
//   POST /insert    one INSERT in a transaction (begin, insert, commit: three round trips, like any
//                   transactional write through a pool)

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });

await pool.query(
  `create table if not exists bench_reference_writes (
     id uuid primary key default gen_random_uuid(),
     payload text not null,
     created_at timestamptz not null default now())`,
);

const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>("/user/:id", async (request, reply) => {
  const { rows } = await pool.query({
    name: "reference-user",
    text: "select id, name, email, role, phone, country, referral_code, preferences, created_at from users where id = $1",
    values: [request.params.id],
  });
  if (!rows[0]) return reply.code(404).send({ error: "not found" });
  return rows[0];
});

app.post<{ Body: { payload?: string } }>("/insert", async (request, reply) => {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query({
      name: "reference-insert",
      text: "insert into bench_reference_writes (payload) values ($1) returning id",
      values: [String(request.body?.payload ?? "")],
    });
    await client.query("commit");
    return reply.code(201).send(rows[0]);
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
});

app.get("/health/ready", async () => ({ ok: true }));

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? "127.0.0.1" });
