-- Servers remember who a session is for a few seconds (lib/session-cache.ts). Whatever ends a session
-- or changes what it proves tells every server at once, by whichever path it happened (better-auth,
-- staff deactivation, a cascade from a deleted user, a script): 's:<session id>', 'u:<user id>', or '*'
-- after a TRUNCATE.
CREATE OR REPLACE FUNCTION "notify_session_cache"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('session_cache', '*');
  ELSIF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('session_cache', 's:' || OLD."id");
  ELSE
    PERFORM pg_notify('session_cache', 'u:' || OLD."id");
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "sessions_notify_session_cache" AFTER DELETE OR UPDATE OF "user_id", "expires_at", "token" ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "notify_session_cache"();
--> statement-breakpoint
CREATE TRIGGER "sessions_truncate_notify_session_cache" AFTER TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_session_cache"();
--> statement-breakpoint
CREATE TRIGGER "users_notify_session_cache" AFTER DELETE OR UPDATE OF "role", "email", "name", "partner_organization_id", "deactivated_at" ON "users"
  FOR EACH ROW EXECUTE FUNCTION "notify_session_cache"();
--> statement-breakpoint
CREATE TRIGGER "users_truncate_notify_session_cache" AFTER TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_session_cache"();
