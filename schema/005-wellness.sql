-- runlog journal: wellness values and a run's start time.
--
-- A run may keep the moment it started, in seconds since 1970 UTC
-- (start_utc), which device files give and which tells the same run
-- apart when it arrives from two sources. A check-in may keep the
-- morning's heart rate variability (hrv_ms, rMSSD in milliseconds) and
-- body mass (mass_g, grams). Watches and wellness services give these on
-- days without a fatigue rating, so fatigue becomes optional: a check-in
-- holds at least one reading (fatigue, soreness, mood, stress, resting
-- HR, HRV or body mass), never an invented rating.
--
-- The new run column may be NULL, so it is added in place. SQLite cannot
-- make fatigue optional in place, so the checkin table is rebuilt as
-- version 2 rebuilds each table: its rows kept aside in a temporary
-- table, the table created again with its checks, the rows put back with
-- the same ids and values. The undo triggers of both tables are made
-- again with the new columns, in the encoding version 3 describes. The
-- upgrade is one transaction.

-- run
ALTER TABLE run ADD COLUMN start_utc INTEGER CONSTRAINT start_utc CHECK
    (start_utc IS NULL OR (typeof(start_utc) = 'integer' AND start_utc
    BETWEEN -2208988800 AND 4102444799));
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
	    || '"}');
END;

-- checkin
CREATE TEMP TABLE checkin_v3 AS SELECT * FROM main.checkin;
DROP TABLE main.checkin;
CREATE TABLE checkin (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL UNIQUE CONSTRAINT day CHECK (typeof(day) = 'text' AND
	    date(day, '+0 days') IS day AND day BETWEEN '1900-01-01' AND
	    '2099-12-31'),
	fatigue INTEGER CONSTRAINT fatigue CHECK (fatigue IS NULL OR
	    (typeof(fatigue) = 'integer' AND fatigue BETWEEN 1 AND 10)),
	soreness INTEGER CONSTRAINT soreness CHECK (soreness IS NULL OR
	    (typeof(soreness) = 'integer' AND soreness BETWEEN 1 AND 10)),
	mood INTEGER CONSTRAINT mood CHECK (mood IS NULL OR (typeof(mood) = 'integer'
	    AND mood BETWEEN 1 AND 5)),
	stress INTEGER CONSTRAINT stress CHECK (stress IS NULL OR (typeof(stress) =
	    'integer' AND stress BETWEEN 1 AND 5)),
	rhr INTEGER CONSTRAINT rhr CHECK (rhr IS NULL OR (typeof(rhr) = 'integer' AND
	    rhr BETWEEN 25 AND 250)),
	hrv_ms INTEGER CONSTRAINT hrv_ms CHECK (hrv_ms IS NULL OR (typeof(hrv_ms) =
	    'integer' AND hrv_ms BETWEEN 1 AND 300)),
	mass_g INTEGER CONSTRAINT mass_g CHECK (mass_g IS NULL OR (typeof(mass_g) =
	    'integer' AND mass_g BETWEEN 20000 AND 300000)),
	ill INTEGER NOT NULL DEFAULT 0 CONSTRAINT ill CHECK (typeof(ill) = 'integer'
	    AND ill IN (0, 1)),
	pain INTEGER NOT NULL DEFAULT 0 CONSTRAINT pain CHECK (typeof(pain) =
	    'integer' AND pain IN (0, 1)),
	swelling INTEGER NOT NULL DEFAULT 0 CONSTRAINT swelling CHECK
	    (typeof(swelling) = 'integer' AND swelling IN (0, 1)),
	numbness INTEGER NOT NULL DEFAULT 0 CONSTRAINT numbness CHECK
	    (typeof(numbness) = 'integer' AND numbness IN (0, 1)),
	no_weight INTEGER NOT NULL DEFAULT 0 CONSTRAINT no_weight CHECK
	    (typeof(no_weight) = 'integer' AND no_weight IN (0, 1)),
	note TEXT CONSTRAINT note CHECK (note IS NULL OR (typeof(note) = 'text' AND
	    length(CAST(note AS BLOB)) <= 4000 AND note NOT GLOB '*[' || char(1) ||
	    '-' || char(31) || char(127) || char(128) || '-' || char(159) || ']*')),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT created_at CHECK (typeof(created_at) = 'text' AND created_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT updated_at CHECK (typeof(updated_at) = 'text' AND updated_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
	CONSTRAINT reading CHECK (NOT (fatigue IS NULL AND soreness IS NULL AND
	    mood IS NULL AND stress IS NULL AND rhr IS NULL AND hrv_ms IS NULL AND
	    mass_g IS NULL))
);
INSERT INTO checkin (id, day, fatigue, soreness, mood, stress, rhr, ill, pain, swelling, numbness, no_weight, note, created_at, updated_at)
	SELECT id, day, fatigue, soreness, mood, stress, rhr, ill, pain, swelling, numbness, no_weight, note, created_at, updated_at FROM temp.checkin_v3;
DROP TABLE temp.checkin_v3;

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
	    || '","hrv_ms":"' || substr(typeof(new.hrv_ms), 1, 1) || hex(new.hrv_ms)
	    || '","mass_g":"' || substr(typeof(new.mass_g), 1, 1) || hex(new.mass_g)
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
	    || '","hrv_ms":"' || substr(typeof(old.hrv_ms), 1, 1) || hex(old.hrv_ms)
	    || '","mass_g":"' || substr(typeof(old.mass_g), 1, 1) || hex(old.mass_g)
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
	    || '","hrv_ms":"' || substr(typeof(new.hrv_ms), 1, 1) || hex(new.hrv_ms)
	    || '","mass_g":"' || substr(typeof(new.mass_g), 1, 1) || hex(new.mass_g)
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
	    || '","hrv_ms":"' || substr(typeof(old.hrv_ms), 1, 1) || hex(old.hrv_ms)
	    || '","mass_g":"' || substr(typeof(old.mass_g), 1, 1) || hex(old.mass_g)
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
