<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Accounts</name>
    <message>
        <source>user name or password is wrong, or the account is disabled</source>
        <extracomment>One answer for a wrong user name, a wrong password and a disabled account, so that a try tells nobody which it was (see docs/identifiers.md).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first account must be a ward administrator (--role admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{username} already has an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say why the account is changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account {username}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is the last ward administrator: add another first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many wrong passwords: try again in {wait} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>{target} already exists; choose a new file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup of {path} failed its check ({verdict}); nothing was kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write a backup to {target}: {error}; nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup {target} written, but the audit row failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} is the chart file itself; nothing was restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} is empty (0 bytes); nothing was restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} and the chart file are not both encrypted (or both plain); nothing was restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} cannot be read ({error}); nothing was restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} cannot be restored: {problem}; nothing was restored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartFiles</name>
    <message>
        <source>cannot write {out}: {strerror}</source>
        <extracomment>Files SQLite keeps beside a chart file while it is open or after a crash.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{out} is not a regular file; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{out} is an SQLite database (a chart or a backup?); choose a new file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartStore</name>
    <message>
        <source>query() can only be used with SQL that returns rows</source>
        <extracomment>Statements ``query`` runs itself: they return rows and change nothing.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} was replaced by another program (encrypted, decrypted or copied over) since it was opened: nothing was saved; close it and open it again</source>
        <extracomment>The file cannot be written (read-only medium, permissions): reading still works. An encrypted file&apos;s passphrase, kept to key its backups the same way. The file opened (device, inode): another program may replace the path meanwhile. Write transactions committed through ``write()`` since the file was opened. ``close()`` was called: nothing may be read or written through it any more.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is encrypted, or is not a wardchart chart file (it is not a plain SQLite database): give its passphrase (WARDCHART_PASSPHRASE) if it is encrypted; it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is {what}, not a wardchart chart file; a new chart is only started where no file exists; it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is an SQLite database but not a wardchart chart file; it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} was made by a newer wardchart (schema {value}); open it with that version or newer; it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is {kind}, not a chart file; nothing was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no chart file at {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is read-only and needs an upgrade by this wardchart; make it writable first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is damaged ({value}); it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is damaged ({value}); nothing was saved; run wardchart check, and restore a backup if it fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} does not have this wardchart&apos;s schema ({problem}); nothing was saved; run wardchart check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is in use by another program or window; try again in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is read-only: nothing was saved; check the file&apos;s and folder&apos;s permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} could not be written (disk full or failing): nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} is damaged or is not a wardchart chart file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} cannot be opened: check that the folder exists and is writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} could not be used ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migration {migration_name} is registered twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a patient with MRN {mrn} is already on this chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{regimen_name} is not in the ward&apos;s library ({known}); give its nadir window too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the drug, e.g. filgrastim or pegfilgrastim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this cycle is no longer on the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN {mrn} belongs to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table} records cannot be withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table} has no record history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no patient with MRN {mrn} on this chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the record id (at least its first 8 characters; see wardchart history --mrn MRN)</source>
        <extracomment>Where a reader has got to in the audit log: the last row&apos;s sequence number and hash. Audit entities whose change can alter any patient&apos;s census line.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no current record {id_or_prefix} of this kind (corrected or withdrawn records keep their old id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id_or_prefix} matches more than one record; give more of the id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this record&apos;s patient is no longer on the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table}: no current record {origin_id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>give a backup file, or a chain head as printed (42-3f9a…)</source>
        <extracomment>The audit actions that write a version of a record (storage/records.py). Tables whose rows are bound to their audit rows: (table, the column naming the record in its audit rows, the actions that write a row). How many records a failed check names before &quot;and N more&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no backup file at {backup}</source>
        <extracomment>(table, row id) -&gt; (the record it is a version of, the hash of its content)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup {backup} is encrypted: give its passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backup} is not a wardchart backup (it has no audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup {backup} cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup {backup} is not a sound anchor: {describe_history}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup {backup} was altered after it was made: its name records audit head {short}, its contents do not</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>line {line}: {field}: {message}</source>
        <extracomment>Columns that are read: the values, and what ``export`` writes to identify and qualify them. ``export`` names the time column &quot;time&quot;; it means the same as &quot;taken&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: the file is empty</source>
        <extracomment>The longest cell accepted: far above any MRN, time or count (see docs/files.md).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: column {name} appears more than once (columns {value} and {value2}); keep one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: columns &apos;taken&apos; and &apos;time&apos; mean the same; keep one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: unknown column {value}; known: {join}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: missing column {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line_num}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}: {count} values for {count2} columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}: {name}: {count} characters; at most {max_cell}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ucum} is not the same unit as {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty, but anc_source says the lab reported it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not lab or computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{record_id} names a result on this chart with other values; {replace}</source>
        <extracomment>How a charted result is changed: a correction, never a second result beside it. The values of a result row that an edited export could change.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no patient with MRN {mrn}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{plain} is not the ANC computed from this row&apos;s WBC and differential ({again})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{clash}: {correct_hint}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>chart file {name}: wrong passphrase, or not a wardchart chart file; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target} already exists; it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write {target}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least {min_passphrase} characters</source>
        <extracomment>Shorter passphrases are refused: the file may leave the building on a laptop.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new copy of {source} failed its check; nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new copy of {source} broke the audit chain; nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new copy of {source} lost rows; nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fhir</name>
    <message>
        <source>the bundle is not valid FHIR R4 at {where}: {msg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the key {key} appears twice in one JSON object: which value is meant? nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read {name}: {strerror}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a FHIR Bundle (JSON); nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a FHIR Bundle of type {kind}; wardchart reads {join}; nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the bundle&apos;s entry is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hl7Import</name>
    <message>
        <source>give the message id (at least its first {min_prefix} characters; see wardchart hl7 held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no held lab message {strip}; see wardchart hl7 held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{strip} matches more than one message; give more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file or folder {path}</source>
        <extracomment>MLLP framing (start block, end block) and the byte-order mark, removed before reading. The reason a laboratory&apos;s final or corrected result replaces its preliminary one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not an HL7 v2 message file (it must start with an MSH segment); nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message has results for {count} patients; it cannot be attached to one patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order {key} appears twice in the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{concept}: more than one value in one result (OBX-5 repeats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{concept}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two {concept} results with the same sub-id in one order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the result has no collection time (OBR-7 or OBX-14)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message names no patient identifier (PID-3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no patient on this chart has MRN {join}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the identifiers {join} belong to different patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN {mrn}: the message has no date of birth (PID-7) to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN {mrn}: date of birth {dob} in the message is not the chart&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order {key} was charted for another patient: a result sent for the wrong patient? A person checks both charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order {key}: its earlier result was withdrawn from the chart; chart this one by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order {key}: the charted result was corrected by hand since the laboratory sent it; a person compares it with this result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no order number (OBR-3 or ORC-3), and {clash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a preliminary {concept} arrived after the final one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a second final {concept} with another value; the laboratory sends a correction (status C) for that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no held lab message {message_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lab message {value} is no longer held (charted, attached or dismissed since); reload the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>that patient is no longer on the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be charted to this patient: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hub</name>
    <message>
        <source>no ward hub address given (a postgresql:// URL or service=NAME)</source>
        <extracomment>Seconds to wait for the server before calling it unreachable.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ward hub&apos;s address is not valid: {first_line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} has a schema named wardchart that is not a wardchart hub; nothing was changed</source>
        <extracomment>Every table of the hub (the record tables, then the replicas&apos; bookkeeping). Key of the transaction-scoped advisory lock ``hub init`` holds while it works. Key of the lock every push holds while it writes: pushes commit one at a time, so rows become visible in the order of their receive sequence and a pull never skips one. The channel the hub notifies on after every committed insert (``listen.py``). Tables whose inserts are announced: what a pull reads, and the replicas&apos; audit rows. (version, SQL): never edit a released one; add the next version last. The hub version this wardchart makes and understands. The version found (None: there was no hub) and the version left. The role granted SELECT and INSERT (None: no role given).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} has a wardchart schema with no version; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} holds no wardchart hub: the database&apos;s owner runs `wardchart hub init` first (docs/hub.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} was made by an older wardchart (hub version {version}, this one uses {hub_version}): the database&apos;s owner runs `wardchart hub init` to upgrade it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`hub init` on {where} must be run as the hub&apos;s owner ({value}); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>`hub init` on {where} must be run as the database&apos;s owner (this role may not create a schema there); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no role {role} on {where}: create the ward&apos;s role first (CREATE ROLE ... LOGIN, docs/hub.md); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role {role} is a superuser on {where}: the ward&apos;s role must be an ordinary role (a superuser can do anything); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} has no chart id; open it again</source>
        <extracomment>Rows the hub did not hold before (records and audit rows). Rows this chart did not hold before (records and audit rows). Conflicts this sync made (open ones not open before), and every open one after — counted when records came in from other replicas, or at the file&apos;s first sync in this process (charting on this file never makes one; a resolution made here is counted at the next sync that brings records in). Nothing of this chart waits to be sent, and nothing of the hub to be pulled (as of the end of this sync). The hub, described without any password (&quot;the ward hub at host:5432/ward&quot;). This replica&apos;s chart id; the hub&apos;s receive sequence pulled through. Rows sent and received, by table (``audit_rows``: audit rows). Entries of this replica made meanwhile and not yet sent. Connections kept open by ``sync(..., keep_open=True)``, one per address and thread: a connection is never shared between two threads (two windows in one process). Open conflicts per chart file, counted when a sync brought other replicas&apos; records in (or at a file&apos;s first sync in this process): charting on this file never makes one.
----------
The audit rows&apos; table on the hub, pulled with the record tables (their key and columns).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} record {join} differs between this chart and {where}: corruption or tampering; nothing more was sent</source>
        <extracomment>Rows per batch: each batch is one transaction on the hub (and in the chart, pulling). Called after each committed batch: (table, rows newly written by the batch). An audit row as the hub stores it: the names of ``AUDIT_COLUMNS``. The push mark of the chart&apos;s audit rows (by the file&apos;s own sequence).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit row {value} of chart {value2} differs between this chart and {where}: corruption or tampering; nothing more was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a record from {where} was refused by this chart ({error}); nothing of the batch was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} holds {name} records this chart has no place for: open it with this wardchart first (it upgrades the file); nothing of the batch was written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MachineFile</name>
    <message>
        <source>machine configuration {path}: not valid TOML ({error})</source>
        <extracomment>Ward settings the machine file may fix (those that change clinical output or headers). The chart&apos;s folder belongs to a group of OS users: files are group read/write. Ward settings as text, validated.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine configuration {path}: cannot be read: {strerror}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine configuration {path}: cannot be read: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key}: is fixed for this computer by {path} ({key} = {value}); ask IT to change it there; nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>give a reason for the resolution</source>
        <extracomment>Conflict kinds: a record&apos;s history forked (two corrections, or a correction and an entered-in-error, made apart) — of a clinical record, a regimen, an account —, two records that cannot both be current, and a ward setting changed on two replicas. Kinds whose versions all belong to one record (or one setting): keeping one sets the others aside. What the version columns are not: left out of a side&apos;s summary. The record&apos;s stable id (a ward setting: its key). The chart id of the replica that wrote it (None: written before chart ids). Whether this is the version the chart shows (see docs/merging.md). The version&apos;s values in one line (&quot;bed=4A-01, name=Alpha, Ann&quot;). What the conflict is about, in words: &quot;MRN 42&quot;, &quot;bed 4A-01&quot;, &quot;cycle 3&quot;. The records whose history branched: a version corrected twice (each record has one first version, so two current versions of one record mean a branch somewhere). Read from the index of corrections alone, which holds only the versions that correct.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no open conflict with this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the corrected values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one MRN on two patients: link them, or correct one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose one of the conflict&apos;s versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose one of the conflict&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only two records of one MRN can be linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the patient record to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep, new_version or link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} has no chart id; open it again</source>
        <extracomment>Tables merged as a union of rows by id, in an order that puts what a row refers to first (foreign keys are checked at the end of the transaction in any case). The column that identifies a row of each merged table (default ``id``). Audit actions that write a version, and the table each version is in. The column a table&apos;s audit rows name its records by (default ``id``). Values bound in one SQLite statement, at most. While merging, both files are read through memory-mapped I/O (plain SQLite files; an encrypted one is read as usual): the check and the comparison of every row both files hold read whole files, and mapped pages are read without copying them. The other file&apos;s chart id, and this one&apos;s. Rows added, by table (``audit_log`` too); first versions of records, by table. Rows of the other file this chart already held, by table. Every open conflict after the merge, and those the merge made.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not_mergeable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not_a_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <extracomment>Rows added, by table (``audit_log`` too); first versions of records, by table. Rows of the other side this chart already held, by table.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not_a_chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>newer_schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>older_schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>different_content</source>
        <extracomment>The rows of the other file&apos;s table at hand that this chart lacks, or holds with other content (``shared``), by rowid in the other file: filled by ``_compare``, read by ``_insert``; a temporary table of this connection only, emptied for each table.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{out_path} already exists; choose a new file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>only a ward administrator can {doing}</source>
        <extracomment>How a file with accounts learns who is charting: given the open chart, sign in there (every try is audited) and return the account; None when the person gave up. The role that may manage accounts, ward settings and the regimen library, restore backups and encrypt or decrypt the file (docs/accounts.md). What managing accounts is called in &quot;only a ward administrator can …&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this conflict is no longer open</source>
        <extracomment>A record&apos;s kind in a nurse&apos;s words. Bookkeeping left out of a version&apos;s values as people read them. The corrections that can settle a conflict as its new version (the correction dialogs&apos;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the corrected values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose one of the conflict&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path} was not opened: no passphrase given</source>
        <extracomment>How an encrypted chart&apos;s passphrase is asked for: ``(path, why)`` → the passphrase, or None when the person gave up.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path}: {times} a wrong passphrase; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path}: an {job} of it and its backups was interrupted; finish it first with wardchart {pending}; nothing was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart file {path}: nobody signed in; nothing was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source}: nobody signed in; nothing was done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
