-- Idempotency keys now store the operation's data (the created referral), not the whole envelope;
-- keys saved before (kept 24 h) are unwrapped so a retry still replays the same answer.
UPDATE "idempotency_keys"
SET "response" = "response" -> 'data'
WHERE "response" ? 'status' AND "response" ? 'data' AND "response" ->> 'status' = 'success';
