-- runlog journal: shoes.
--
-- A runner keeps a list of shoes: a name (unique whatever its case, 1 to
-- 40 bytes, no control characters, no spaces at either end), an optional
-- limit in metres after which the shoe is considered worn, whether it is
-- retired, and whether it is the default shoe, the one a run logged
-- without a shoe is given; at most one shoe is the default (the partial
-- unique index). day is the day the shoe was added.
--
-- A run may name its shoe (shoe_id, NULL for none). The column may be
-- NULL and only refers to a shoe, so it is added in place, as version 5
-- added start_utc; the foreign key keeps a run from naming a shoe that
-- does not exist (runlog turns foreign keys on). It is checked when the
-- transaction commits, since undo puts an import back by removing the
-- shoes it added before the range of runs that named them. The run's undo
-- triggers are made again with the new column, in the encoding version 3
-- describes, and the run rows undo kept before this upgrade get the new
-- column as NULL, so they can still be undone. The shoe table has
-- triggers of its own; a shoe added during a batch (an import that names
-- a shoe the journal lacks) is recorded row by row, since the batch's
-- range records cover the entry tables only. The upgrade is one
-- transaction.

CREATE TABLE shoe (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL COLLATE NOCASE UNIQUE CONSTRAINT name CHECK
	    (typeof(name) = 'text' AND length(CAST(name AS BLOB)) BETWEEN 1 AND 40
	    AND trim(name) = name AND name NOT GLOB '*[' || char(1) || '-' ||
	    char(31) || char(127) || char(128) || '-' || char(159) || ']*'),
	limit_m INTEGER CONSTRAINT limit_m CHECK (limit_m IS NULL OR
	    (typeof(limit_m) = 'integer' AND limit_m BETWEEN 1000 AND 10000000)),
	retired INTEGER NOT NULL DEFAULT 0 CONSTRAINT retired CHECK
	    (typeof(retired) = 'integer' AND retired IN (0, 1)),
	is_default INTEGER NOT NULL DEFAULT 0 CONSTRAINT is_default CHECK
	    (typeof(is_default) = 'integer' AND is_default IN (0, 1) AND
	    NOT (is_default = 1 AND retired = 1)),
	day TEXT NOT NULL CONSTRAINT day CHECK (typeof(day) = 'text' AND date(day,
	    '+0 days') IS day AND day BETWEEN '1900-01-01' AND '2099-12-31'),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT created_at CHECK (typeof(created_at) = 'text' AND created_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]')
);
CREATE UNIQUE INDEX shoe_default ON shoe (is_default) WHERE is_default = 1;

-- run
ALTER TABLE run ADD COLUMN shoe_id INTEGER CONSTRAINT shoe_id CHECK
    (shoe_id IS NULL OR typeof(shoe_id) = 'integer') REFERENCES shoe (id)
    DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX run_shoe ON run (shoe_id) WHERE shoe_id IS NOT NULL;
UPDATE undo_log SET old = substr(old, 1, length(old) - 1) ||
    ',"shoe_id":"n"}' WHERE tbl = 'run' AND old LIKE '{%"}';
UPDATE undo_log SET new = substr(new, 1, length(new) - 1) ||
    ',"shoe_id":"n"}' WHERE tbl = 'run' AND new LIKE '{%"}';
DROP TRIGGER run_undo_ins;
DROP TRIGGER run_undo_upd;
DROP TRIGGER run_undo_del;

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
	    || '","start_utc":"' || substr(typeof(new.start_utc), 1, 1) || hex(new.start_utc)
	    || '","shoe_id":"' || substr(typeof(new.shoe_id), 1, 1) || hex(new.shoe_id)
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
	    || '","start_utc":"' || substr(typeof(old.start_utc), 1, 1) || hex(old.start_utc)
	    || '","shoe_id":"' || substr(typeof(old.shoe_id), 1, 1) || hex(old.shoe_id)
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
	    || '","start_utc":"' || substr(typeof(new.start_utc), 1, 1) || hex(new.start_utc)
	    || '","shoe_id":"' || substr(typeof(new.shoe_id), 1, 1) || hex(new.shoe_id)
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
	    || '","start_utc":"' || substr(typeof(old.start_utc), 1, 1) || hex(old.start_utc)
	    || '","shoe_id":"' || substr(typeof(old.shoe_id), 1, 1) || hex(old.shoe_id)
	    || '"}');
END;

-- shoe
CREATE TRIGGER shoe_undo_ins AFTER INSERT ON shoe WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'shoe', 'insert', new.id,
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","name":"' || substr(typeof(new.name), 1, 1) || hex(new.name)
	    || '","limit_m":"' || substr(typeof(new.limit_m), 1, 1) || hex(new.limit_m)
	    || '","retired":"' || substr(typeof(new.retired), 1, 1) || hex(new.retired)
	    || '","is_default":"' || substr(typeof(new.is_default), 1, 1) || hex(new.is_default)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '"}');
END;
CREATE TRIGGER shoe_undo_upd AFTER UPDATE ON shoe WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'shoe', 'update', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","name":"' || substr(typeof(old.name), 1, 1) || hex(old.name)
	    || '","limit_m":"' || substr(typeof(old.limit_m), 1, 1) || hex(old.limit_m)
	    || '","retired":"' || substr(typeof(old.retired), 1, 1) || hex(old.retired)
	    || '","is_default":"' || substr(typeof(old.is_default), 1, 1) || hex(old.is_default)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '"}',
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","name":"' || substr(typeof(new.name), 1, 1) || hex(new.name)
	    || '","limit_m":"' || substr(typeof(new.limit_m), 1, 1) || hex(new.limit_m)
	    || '","retired":"' || substr(typeof(new.retired), 1, 1) || hex(new.retired)
	    || '","is_default":"' || substr(typeof(new.is_default), 1, 1) || hex(new.is_default)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '"}');
END;
CREATE TRIGGER shoe_undo_del BEFORE DELETE ON shoe WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'shoe', 'delete', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","name":"' || substr(typeof(old.name), 1, 1) || hex(old.name)
	    || '","limit_m":"' || substr(typeof(old.limit_m), 1, 1) || hex(old.limit_m)
	    || '","retired":"' || substr(typeof(old.retired), 1, 1) || hex(old.retired)
	    || '","is_default":"' || substr(typeof(old.is_default), 1, 1) || hex(old.is_default)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '"}');
END;
