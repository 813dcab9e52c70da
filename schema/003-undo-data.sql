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
	    json_object('id', new.id, 'day', new.day, 'distance_m', new.distance_m,
		'duration_s', new.duration_s, 'rpe', new.rpe, 'type', new.type,
		'avg_hr', new.avg_hr, 'climb_m', new.climb_m,
		'mass_before_g', new.mass_before_g,
		'mass_after_g', new.mass_after_g, 'note', new.note,
		'source', new.source, 'external_id', new.external_id,
		'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER run_undo_upd AFTER UPDATE ON run WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'run', 'update', old.id,
	    json_object('id', old.id, 'day', old.day, 'distance_m', old.distance_m,
		'duration_s', old.duration_s, 'rpe', old.rpe, 'type', old.type,
		'avg_hr', old.avg_hr, 'climb_m', old.climb_m,
		'mass_before_g', old.mass_before_g,
		'mass_after_g', old.mass_after_g, 'note', old.note,
		'source', old.source, 'external_id', old.external_id,
		'created_at', old.created_at, 'updated_at', old.updated_at),
	    json_object('id', new.id, 'day', new.day, 'distance_m', new.distance_m,
		'duration_s', new.duration_s, 'rpe', new.rpe, 'type', new.type,
		'avg_hr', new.avg_hr, 'climb_m', new.climb_m,
		'mass_before_g', new.mass_before_g,
		'mass_after_g', new.mass_after_g, 'note', new.note,
		'source', new.source, 'external_id', new.external_id,
		'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER run_undo_del BEFORE DELETE ON run WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'run', 'delete', old.id,
	    json_object('id', old.id, 'day', old.day, 'distance_m', old.distance_m,
		'duration_s', old.duration_s, 'rpe', old.rpe, 'type', old.type,
		'avg_hr', old.avg_hr, 'climb_m', old.climb_m,
		'mass_before_g', old.mass_before_g,
		'mass_after_g', old.mass_after_g, 'note', old.note,
		'source', old.source, 'external_id', old.external_id,
		'created_at', old.created_at, 'updated_at', old.updated_at));
END;

CREATE TRIGGER sleep_undo_ins AFTER INSERT ON sleep WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'sleep', 'insert', new.id,
	    json_object('id', new.id, 'day', new.day, 'minutes', new.minutes,
		'quality', new.quality, 'note', new.note,
		'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER sleep_undo_upd AFTER UPDATE ON sleep WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'sleep', 'update', old.id,
	    json_object('id', old.id, 'day', old.day, 'minutes', old.minutes,
		'quality', old.quality, 'note', old.note,
		'created_at', old.created_at, 'updated_at', old.updated_at),
	    json_object('id', new.id, 'day', new.day, 'minutes', new.minutes,
		'quality', new.quality, 'note', new.note,
		'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER sleep_undo_del BEFORE DELETE ON sleep WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'sleep', 'delete', old.id,
	    json_object('id', old.id, 'day', old.day, 'minutes', old.minutes,
		'quality', old.quality, 'note', old.note,
		'created_at', old.created_at, 'updated_at', old.updated_at));
END;

CREATE TRIGGER drink_undo_ins AFTER INSERT ON drink WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'drink', 'insert', new.id,
	    json_object('id', new.id, 'day', new.day, 'volume_ml', new.volume_ml,
		'electrolytes', new.electrolytes, 'created_at', new.created_at,
		'updated_at', new.updated_at));
END;
CREATE TRIGGER drink_undo_upd AFTER UPDATE ON drink WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'drink', 'update', old.id,
	    json_object('id', old.id, 'day', old.day, 'volume_ml', old.volume_ml,
		'electrolytes', old.electrolytes, 'created_at', old.created_at,
		'updated_at', old.updated_at),
	    json_object('id', new.id, 'day', new.day, 'volume_ml', new.volume_ml,
		'electrolytes', new.electrolytes, 'created_at', new.created_at,
		'updated_at', new.updated_at));
END;
CREATE TRIGGER drink_undo_del BEFORE DELETE ON drink WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'drink', 'delete', old.id,
	    json_object('id', old.id, 'day', old.day, 'volume_ml', old.volume_ml,
		'electrolytes', old.electrolytes, 'created_at', old.created_at,
		'updated_at', old.updated_at));
END;

CREATE TRIGGER checkin_undo_ins AFTER INSERT ON checkin WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'checkin', 'insert', new.id,
	    json_object('id', new.id, 'day', new.day, 'fatigue', new.fatigue,
		'soreness', new.soreness, 'mood', new.mood, 'stress', new.stress,
		'rhr', new.rhr, 'ill', new.ill, 'pain', new.pain,
		'swelling', new.swelling, 'numbness', new.numbness,
		'no_weight', new.no_weight, 'note', new.note,
		'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER checkin_undo_upd AFTER UPDATE ON checkin WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'checkin', 'update', old.id,
	    json_object('id', old.id, 'day', old.day, 'fatigue', old.fatigue,
		'soreness', old.soreness, 'mood', old.mood, 'stress', old.stress,
		'rhr', old.rhr, 'ill', old.ill, 'pain', old.pain,
		'swelling', old.swelling, 'numbness', old.numbness,
		'no_weight', old.no_weight, 'note', old.note,
		'created_at', old.created_at, 'updated_at', old.updated_at),
	    json_object('id', new.id, 'day', new.day, 'fatigue', new.fatigue,
		'soreness', new.soreness, 'mood', new.mood, 'stress', new.stress,
		'rhr', new.rhr, 'ill', new.ill, 'pain', new.pain,
		'swelling', new.swelling, 'numbness', new.numbness,
		'no_weight', new.no_weight, 'note', new.note,
		'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER checkin_undo_del BEFORE DELETE ON checkin WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'checkin', 'delete', old.id,
	    json_object('id', old.id, 'day', old.day, 'fatigue', old.fatigue,
		'soreness', old.soreness, 'mood', old.mood, 'stress', old.stress,
		'rhr', old.rhr, 'ill', old.ill, 'pain', old.pain,
		'swelling', old.swelling, 'numbness', old.numbness,
		'no_weight', old.no_weight, 'note', old.note,
		'created_at', old.created_at, 'updated_at', old.updated_at));
END;

CREATE TRIGGER rest_undo_ins AFTER INSERT ON rest WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'rest', 'insert', new.id,
	    json_object('id', new.id, 'day', new.day, 'note', new.note,
		'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER rest_undo_upd AFTER UPDATE ON rest WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'rest', 'update', old.id,
	    json_object('id', old.id, 'day', old.day, 'note', old.note,
		'created_at', old.created_at, 'updated_at', old.updated_at),
	    json_object('id', new.id, 'day', new.day, 'note', new.note,
		'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER rest_undo_del BEFORE DELETE ON rest WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'rest', 'delete', old.id,
	    json_object('id', old.id, 'day', old.day, 'note', old.note,
		'created_at', old.created_at, 'updated_at', old.updated_at));
END;
