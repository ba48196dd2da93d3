-- The seed's two flags. Staff change them later; re-running never overwrites their choice.
INSERT INTO "feature_flags" ("key", "description", "enabled", "roles") VALUES
  ('referral-analytics', 'Referral analytics: funnel, conversion and top referrers', true, NULL),
  ('advanced-filters', 'Advanced filters on referral lists (staff and admins)', true, '["staff","admin"]'::jsonb)
ON CONFLICT ("key") DO NOTHING;
