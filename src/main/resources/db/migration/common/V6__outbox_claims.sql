-- Several instances drain one outbox. A claim names its claimer (a token per claim), so only the
-- current claimer can record a row's outcome: an instance whose lease ran out while it stalled,
-- and whose row another instance took over, can no longer overwrite what that instance recorded.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
