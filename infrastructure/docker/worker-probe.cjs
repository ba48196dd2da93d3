// Health probe for the queue worker, which serves no HTTP: healthy while PostgreSQL answers.
// Baked into the image as /app/probes/worker-probe.cjs; used by compose, k8s and ECS.
const { Client } = require("pg");

const client = new Client({
  connectionString: process.env.DATABASE_URL,
  connectionTimeoutMillis: 3000,
  query_timeout: 3000,
});

client
  .connect()
  .then(() => client.query("select 1"))
  .then(() => client.end())
  .then(
    () => process.exit(0),
    (error) => {
      console.error(`worker probe failed: ${error.message}`);
      process.exit(1);
    },
  );
