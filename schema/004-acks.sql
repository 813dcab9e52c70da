-- runlog journal, version 4: acknowledgements of flag episodes.
--
-- A runner who has seen a flag can acknowledge its episode (runlog ack, or
-- a key on the Flags screen): it is then hidden until the episode ends or
-- escalates. The journal keeps the rule's name and one day inside the
-- episode, never the episode's first day, which days logged later can
-- move; the program works out from the entries which episode holds that
-- day. Acknowledgements are changes like entries: the triggers below
-- record them for undo and redo in the form of version 3.

CREATE TABLE ack (
	id INTEGER PRIMARY KEY,
	rule TEXT NOT NULL CONSTRAINT rule CHECK (typeof(rule) = 'text' AND
	    length(rule) BETWEEN 1 AND 40 AND rule NOT GLOB '*[^a-z-]*'),
	day TEXT NOT NULL CONSTRAINT day CHECK (typeof(day) = 'text' AND date(day,
	    '+0 days') IS day AND day BETWEEN '1900-01-01' AND '2099-12-31'),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
	    CONSTRAINT created_at CHECK (typeof(created_at) = 'text' AND created_at
	    GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]'),
	UNIQUE (rule, day)
);

CREATE TRIGGER ack_undo_ins AFTER INSERT ON ack WHEN (SELECT grp FROM undo_state WHERE bulk = 0) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, new)
	VALUES ((SELECT grp FROM undo_state), 'ack', 'insert', new.id,
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","rule":"' || substr(typeof(new.rule), 1, 1) || hex(new.rule)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '"}');
END;
CREATE TRIGGER ack_undo_upd AFTER UPDATE ON ack WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old, new)
	VALUES ((SELECT grp FROM undo_state), 'ack', 'update', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","rule":"' || substr(typeof(old.rule), 1, 1) || hex(old.rule)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '"}',
	    '{"id":"' || substr(typeof(new.id), 1, 1) || hex(new.id)
	    || '","rule":"' || substr(typeof(new.rule), 1, 1) || hex(new.rule)
	    || '","day":"' || substr(typeof(new.day), 1, 1) || hex(new.day)
	    || '","created_at":"' || substr(typeof(new.created_at), 1, 1) || hex(new.created_at)
	    || '"}');
END;
CREATE TRIGGER ack_undo_del BEFORE DELETE ON ack WHEN (SELECT grp FROM undo_state) > 0
BEGIN
	INSERT INTO undo_log (grp, tbl, op, row_id, old)
	VALUES ((SELECT grp FROM undo_state), 'ack', 'delete', old.id,
	    '{"id":"' || substr(typeof(old.id), 1, 1) || hex(old.id)
	    || '","rule":"' || substr(typeof(old.rule), 1, 1) || hex(old.rule)
	    || '","day":"' || substr(typeof(old.day), 1, 1) || hex(old.day)
	    || '","created_at":"' || substr(typeof(old.created_at), 1, 1) || hex(old.created_at)
	    || '"}');
END;
