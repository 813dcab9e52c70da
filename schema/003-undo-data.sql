-- runlog journal: undo keeps data, not SQL.
--
-- Earlier versions stored, for each changed row, the SQL text that put it
-- back, and undo ran that text: whoever could write the file could make
-- undo run any statement. From here on undo_log keeps data only: per
-- changed row the table, the operation, the row id, and the row's values
-- before (old) and after (new) the change, as a JSON object of every
-- column. Undo and redo read that data, check it whole, and replay it
-- through statements fixed in the program; nothing stored is ever run.
-- The history written by earlier versions cannot be trusted, so it is
-- dropped: changes made before this upgrade cannot be undone.
--
-- Each value is a JSON string: the first letter of its SQLite type and
-- the hex of its bytes ("i3432" is the integer 42, "t6869" the text 'hi',
-- "n" NULL, "r..." a real as text, "b..." a blob), so every value comes
-- back with its exact type and bytes. The triggers build that text with
-- typeof(), hex() and ||, not with the JSON functions: SQLite refuses
-- those inside a schema it does not trust (PRAGMA trusted_schema = OFF).
--
-- A batch (an import, the demo) does not record its inserted rows one by
-- one: when it commits, the store records one 'insert' per table for the
-- ids row_id..last_id. Updated and deleted rows are recorded as usual.
--
-- A table joins undo and redo with three triggers like the ones below and
-- one line in the store's list of undoable tables (src/store-undo.c).

DROP TRIGGER IF EXISTS run_ins;
DROP TRIGGER IF EXISTS run_upd;
DROP TRIGGER IF EXISTS run_del;
DROP TRIGGER IF EXISTS sleep_ins;
DROP TRIGGER IF EXISTS sleep_upd;
DROP TRIGGER IF EXISTS sleep_del;
DROP TRIGGER IF EXISTS drink_ins;
DROP TRIGGER IF EXISTS drink_upd;
DROP TRIGGER IF EXISTS drink_del;
DROP TRIGGER IF EXISTS checkin_ins;
DROP TRIGGER IF EXISTS checkin_upd;
DROP TRIGGER IF EXISTS checkin_del;
DROP TRIGGER IF EXISTS rest_ins;
DROP TRIGGER IF EXISTS rest_upd;
DROP TRIGGER IF EXISTS rest_del;
DROP TABLE undo_log;
DROP TABLE undo_group;

-- redo is 1 for the groups that undo recorded: they are what redo replays.
CREATE TABLE undo_group (
	id     INTEGER PRIMARY KEY,
	label  TEXT NOT NULL,
	at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	redo   INTEGER NOT NULL DEFAULT 0 CHECK (redo IN (0, 1))
);
CREATE TABLE undo_log (
	seq      INTEGER PRIMARY KEY,
	grp      INTEGER NOT NULL REFERENCES undo_group (id) ON DELETE CASCADE,
	tbl      TEXT    NOT NULL,
	op       TEXT    NOT NULL CHECK (op = 'insert' OR op = 'update' OR op = 'delete'),
	row_id   INTEGER NOT NULL,
	last_id  INTEGER,   -- a batch's inserts: the rows row_id..last_id
	old      TEXT,      -- the row before: update and delete
	new      TEXT       -- the row after: insert and update
);
CREATE INDEX undo_log_grp ON undo_log (grp);
UPDATE undo_state SET grp = 0, bulk = 0;

CREATE TRIGGER run_undo_ins AFTER INSERT ON run WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'run', 'insert', new.id,
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","distance_m":"' || substr(typeof(new.distance_m), 1, 1) || hex(new.distance_m)
	    || '","duration_s":"' || substr(typeof(new.duration_s), 1, 1) || hex(new.duration_s)
	    || '","rpe":"' || substr(typeof(new.rpe), 1, 1) || hex(new.rpe)
	    || '","type":"' || substr(typeof(new.type), 1, 1) || hex(new.type)
	    || '","avg_hr":"' || substr(typeof(new.avg_hr), 1, 1) || hex(new.avg_hr)
	    || '","climb_m":"' || substr(typeof(new.climb_m), 1, 1) || hex(new.climb_m)
	    || '","mass_before_g":"' || substr(typeof(new.mass_before_g), 1, 1) || hex(new.mass_before_g)
	    || '","mass_after_g":"' || substr(typeof(new.mass_after_g), 1, 1) || hex(new.mass_after_g)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","source":"' || substr(typeof(new.source), 1, 1) || hex(new.source)
	    || '","external_id":"' || substr(typeof(new.external_id), 1, 1) || hex(new.external_id)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER run_undo_upd AFTER UPDATE ON run WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'run', 'update', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","distance_m":"' || substr(typeof(old.distance_m), 1, 1) || hex(old.distance_m)
	    || '","duration_s":"' || substr(typeof(old.duration_s), 1, 1) || hex(old.duration_s)
	    || '","rpe":"' || substr(typeof(old.rpe), 1, 1) || hex(old.rpe)
	    || '","type":"' || substr(typeof(old.type), 1, 1) || hex(old.type)
	    || '","avg_hr":"' || substr(typeof(old.avg_hr), 1, 1) || hex(old.avg_hr)
	    || '","climb_m":"' || substr(typeof(old.climb_m), 1, 1) || hex(old.climb_m)
	    || '","mass_before_g":"' || substr(typeof(old.mass_before_g), 1, 1) || hex(old.mass_before_g)
	    || '","mass_after_g":"' || substr(typeof(old.mass_after_g), 1, 1) || hex(old.mass_after_g)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","source":"' || substr(typeof(old.source), 1, 1) || hex(old.source)
	    || '","external_id":"' || substr(typeof(old.external_id), 1, 1) || hex(old.external_id)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}',
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","distance_m":"' || substr(typeof(new.distance_m), 1, 1) || hex(new.distance_m)
	    || '","duration_s":"' || substr(typeof(new.duration_s), 1, 1) || hex(new.duration_s)
	    || '","rpe":"' || substr(typeof(new.rpe), 1, 1) || hex(new.rpe)
	    || '","type":"' || substr(typeof(new.type), 1, 1) || hex(new.type)
	    || '","avg_hr":"' || substr(typeof(new.avg_hr), 1, 1) || hex(new.avg_hr)
	    || '","climb_m":"' || substr(typeof(new.climb_m), 1, 1) || hex(new.climb_m)
	    || '","mass_before_g":"' || substr(typeof(new.mass_before_g), 1, 1) || hex(new.mass_before_g)
	    || '","mass_after_g":"' || substr(typeof(new.mass_after_g), 1, 1) || hex(new.mass_after_g)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","source":"' || substr(typeof(new.source), 1, 1) || hex(new.source)
	    || '","external_id":"' || substr(typeof(new.external_id), 1, 1) || hex(new.external_id)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER run_undo_del BEFORE DELETE ON run WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'run', 'delete', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","distance_m":"' || substr(typeof(old.distance_m), 1, 1) || hex(old.distance_m)
	    || '","duration_s":"' || substr(typeof(old.duration_s), 1, 1) || hex(old.duration_s)
	    || '","rpe":"' || substr(typeof(old.rpe), 1, 1) || hex(old.rpe)
	    || '","type":"' || substr(typeof(old.type), 1, 1) || hex(old.type)
	    || '","avg_hr":"' || substr(typeof(old.avg_hr), 1, 1) || hex(old.avg_hr)
	    || '","climb_m":"' || substr(typeof(old.climb_m), 1, 1) || hex(old.climb_m)
	    || '","mass_before_g":"' || substr(typeof(old.mass_before_g), 1, 1) || hex(old.mass_before_g)
	    || '","mass_after_g":"' || substr(typeof(old.mass_after_g), 1, 1) || hex(old.mass_after_g)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","source":"' || substr(typeof(old.source), 1, 1) || hex(old.source)
	    || '","external_id":"' || substr(typeof(old.external_id), 1, 1) || hex(old.external_id)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}');
END;

CREATE TRIGGER sleep_undo_ins AFTER INSERT ON sleep WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'sleep', 'insert', new.id,
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","minutes":"' || substr(typeof(new.minutes), 1, 1) || hex(new.minutes)
	    || '","quality":"' || substr(typeof(new.quality), 1, 1) || hex(new.quality)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER sleep_undo_upd AFTER UPDATE ON sleep WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'sleep', 'update', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","minutes":"' || substr(typeof(old.minutes), 1, 1) || hex(old.minutes)
	    || '","quality":"' || substr(typeof(old.quality), 1, 1) || hex(old.quality)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}',
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","minutes":"' || substr(typeof(new.minutes), 1, 1) || hex(new.minutes)
	    || '","quality":"' || substr(typeof(new.quality), 1, 1) || hex(new.quality)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER sleep_undo_del BEFORE DELETE ON sleep WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'sleep', 'delete', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","minutes":"' || substr(typeof(old.minutes), 1, 1) || hex(old.minutes)
	    || '","quality":"' || substr(typeof(old.quality), 1, 1) || hex(old.quality)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}');
END;

CREATE TRIGGER drink_undo_ins AFTER INSERT ON drink WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'drink', 'insert', new.id,
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","volume_ml":"' || substr(typeof(new.volume_ml), 1, 1) || hex(new.volume_ml)
	    || '","electrolytes":"' || substr(typeof(new.electrolytes), 1, 1) || hex(new.electrolytes)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER drink_undo_upd AFTER UPDATE ON drink WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'drink', 'update', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","volume_ml":"' || substr(typeof(old.volume_ml), 1, 1) || hex(old.volume_ml)
	    || '","electrolytes":"' || substr(typeof(old.electrolytes), 1, 1) || hex(old.electrolytes)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}',
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","volume_ml":"' || substr(typeof(new.volume_ml), 1, 1) || hex(new.volume_ml)
	    || '","electrolytes":"' || substr(typeof(new.electrolytes), 1, 1) || hex(new.electrolytes)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER drink_undo_del BEFORE DELETE ON drink WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'drink', 'delete', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","volume_ml":"' || substr(typeof(old.volume_ml), 1, 1) || hex(old.volume_ml)
	    || '","electrolytes":"' || substr(typeof(old.electrolytes), 1, 1) || hex(old.electrolytes)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}');
END;

CREATE TRIGGER checkin_undo_ins AFTER INSERT ON checkin WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'checkin', 'insert', new.id,
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","fatigue":"' || substr(typeof(new.fatigue), 1, 1) || hex(new.fatigue)
	    || '","soreness":"' || substr(typeof(new.soreness), 1, 1) || hex(new.soreness)
	    || '","mood":"' || substr(typeof(new.mood), 1, 1) || hex(new.mood)
	    || '","stress":"' || substr(typeof(new.stress), 1, 1) || hex(new.stress)
	    || '","rhr":"' || substr(typeof(new.rhr), 1, 1) || hex(new.rhr)
	    || '","ill":"' || substr(typeof(new.ill), 1, 1) || hex(new.ill)
	    || '","pain":"' || substr(typeof(new.pain), 1, 1) || hex(new.pain)
	    || '","swelling":"' || substr(typeof(new.swelling), 1, 1) || hex(new.swelling)
	    || '","numbness":"' || substr(typeof(new.numbness), 1, 1) || hex(new.numbness)
	    || '","no_weight":"' || substr(typeof(new.no_weight), 1, 1) || hex(new.no_weight)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER checkin_undo_upd AFTER UPDATE ON checkin WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'checkin', 'update', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","fatigue":"' || substr(typeof(old.fatigue), 1, 1) || hex(old.fatigue)
	    || '","soreness":"' || substr(typeof(old.soreness), 1, 1) || hex(old.soreness)
	    || '","mood":"' || substr(typeof(old.mood), 1, 1) || hex(old.mood)
	    || '","stress":"' || substr(typeof(old.stress), 1, 1) || hex(old.stress)
	    || '","rhr":"' || substr(typeof(old.rhr), 1, 1) || hex(old.rhr)
	    || '","ill":"' || substr(typeof(old.ill), 1, 1) || hex(old.ill)
	    || '","pain":"' || substr(typeof(old.pain), 1, 1) || hex(old.pain)
	    || '","swelling":"' || substr(typeof(old.swelling), 1, 1) || hex(old.swelling)
	    || '","numbness":"' || substr(typeof(old.numbness), 1, 1) || hex(old.numbness)
	    || '","no_weight":"' || substr(typeof(old.no_weight), 1, 1) || hex(old.no_weight)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}',
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","fatigue":"' || substr(typeof(new.fatigue), 1, 1) || hex(new.fatigue)
	    || '","soreness":"' || substr(typeof(new.soreness), 1, 1) || hex(new.soreness)
	    || '","mood":"' || substr(typeof(new.mood), 1, 1) || hex(new.mood)
	    || '","stress":"' || substr(typeof(new.stress), 1, 1) || hex(new.stress)
	    || '","rhr":"' || substr(typeof(new.rhr), 1, 1) || hex(new.rhr)
	    || '","ill":"' || substr(typeof(new.ill), 1, 1) || hex(new.ill)
	    || '","pain":"' || substr(typeof(new.pain), 1, 1) || hex(new.pain)
	    || '","swelling":"' || substr(typeof(new.swelling), 1, 1) || hex(new.swelling)
	    || '","numbness":"' || substr(typeof(new.numbness), 1, 1) || hex(new.numbness)
	    || '","no_weight":"' || substr(typeof(new.no_weight), 1, 1) || hex(new.no_weight)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER checkin_undo_del BEFORE DELETE ON checkin WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'checkin', 'delete', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","fatigue":"' || substr(typeof(old.fatigue), 1, 1) || hex(old.fatigue)
	    || '","soreness":"' || substr(typeof(old.soreness), 1, 1) || hex(old.soreness)
	    || '","mood":"' || substr(typeof(old.mood), 1, 1) || hex(old.mood)
	    || '","stress":"' || substr(typeof(old.stress), 1, 1) || hex(old.stress)
	    || '","rhr":"' || substr(typeof(old.rhr), 1, 1) || hex(old.rhr)
	    || '","ill":"' || substr(typeof(old.ill), 1, 1) || hex(old.ill)
	    || '","pain":"' || substr(typeof(old.pain), 1, 1) || hex(old.pain)
	    || '","swelling":"' || substr(typeof(old.swelling), 1, 1) || hex(old.swelling)
	    || '","numbness":"' || substr(typeof(old.numbness), 1, 1) || hex(old.numbness)
	    || '","no_weight":"' || substr(typeof(old.no_weight), 1, 1) || hex(old.no_weight)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}');
END;

CREATE TRIGGER rest_undo_ins AFTER INSERT ON rest WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'rest', 'insert', new.id,
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER rest_undo_upd AFTER UPDATE ON rest WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'rest', 'update', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}',
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","note":"' || substr(typeof(new.note), 1, 1) || hex(new.note)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '","updated_at":"' || substr(typeof(new.updated_at), 1, 1) || hex(new.updated_at)
	    || '"}');
END;
CREATE TRIGGER rest_undo_del BEFORE DELETE ON rest WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'rest', 'delete', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","note":"' || substr(typeof(old.note), 1, 1) || hex(old.note)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '","updated_at":"' || substr(typeof(old.updated_at), 1, 1) || hex(old.updated_at)
	    || '"}');
END;
