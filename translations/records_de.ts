<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Accounts</name>
    <message>
        <source>user name or password is wrong, or the account is disabled</source>
        <extracomment>One answer for a wrong user name, a wrong password and a disabled account, so that a try tells nobody which it was (see docs/identifiers.md).</extracomment>
        <translation>Benutzername oder Passwort ist falsch, oder das Konto ist deaktiviert</translation>
    </message>
    <message>
        <source>the first account must be a ward administrator (--role admin)</source>
        <translation>das erste Konto muss ein Stationsadministrator sein (--role admin)</translation>
    </message>
    <message>
        <source>{username} already has an account</source>
        <translation>{username} hat bereits ein Konto</translation>
    </message>
    <message>
        <source>say why the account is changed</source>
        <translation>geben Sie bitte an, warum das Konto geändert wird</translation>
    </message>
    <message>
        <source>no account {username}</source>
        <translation>kein Konto {username}</translation>
    </message>
    <message>
        <source>this is the last ward administrator: add another first</source>
        <translation>dies ist der letzte Stationsadministrator: legen Sie zuerst einen weiteren an</translation>
    </message>
    <message>
        <source>too many wrong passwords: try again in {wait} s</source>
        <translation>zu viele falsche Passwörter: versuchen Sie es in {wait} s erneut</translation>
    </message>
    <message>
        <source>{username}  {name} ({initials}), admin, DISABLED</source>
        <translation>{username}  {name} ({initials}), Administrator, GESPERRT</translation>
    </message>
    <message>
        <source>{username}  {name} ({initials}), admin</source>
        <translation>{username}  {name} ({initials}), Administrator</translation>
    </message>
    <message>
        <source>{username}  {name} ({initials}), nurse, DISABLED</source>
        <translation>{username}  {name} ({initials}), Pflegekraft, GESPERRT</translation>
    </message>
    <message>
        <source>{username}  {name} ({initials}), nurse</source>
        <translation>{username}  {name} ({initials}), Pflegekraft</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>{target} already exists; choose a new file name</source>
        <translation>{target} existiert bereits; wählen Sie bitte einen neuen Dateinamen</translation>
    </message>
    <message>
        <source>the backup of {path} failed its check ({verdict}); nothing was kept</source>
        <translation>die Sicherung von {path} hat die Prüfung nicht bestanden ({verdict}); nichts wurde behalten</translation>
    </message>
    <message>
        <source>could not write a backup to {target}: {error}; nothing was saved</source>
        <translation>Sicherung nach {target} konnte nicht geschrieben werden: {error}; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>backup {target} written, but the audit row failed: {error}</source>
        <translation>Sicherung {target} geschrieben, aber der Audit-Eintrag schlug fehl: {error}</translation>
    </message>
    <message>
        <source>{backup} is the chart file itself; nothing was restored</source>
        <translation>{backup} ist die Kurvendatei selbst; nichts wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>{backup} is empty (0 bytes); nothing was restored</source>
        <translation>{backup} ist leer (0 Bytes); nichts wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>{backup} and the chart file are not both encrypted (or both plain); nothing was restored</source>
        <translation>{backup} und die Kurvendatei sind nicht beide verschlüsselt (oder beide unverschlüsselt); nichts wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>{backup} cannot be read ({error}); nothing was restored</source>
        <translation>{backup} kann nicht gelesen werden ({error}); nichts wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>{backup} cannot be restored: {problem}; nothing was restored</source>
        <translation>{backup} kann nicht wiederhergestellt werden: {problem}; nichts wurde wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>ChartFiles</name>
    <message>
        <source>cannot write {out}: {strerror}</source>
        <extracomment>Files SQLite keeps beside a chart file while it is open or after a crash.</extracomment>
        <translation>{out} kann nicht geschrieben werden: {strerror}</translation>
    </message>
    <message>
        <source>{out} is not a regular file; nothing was written</source>
        <translation>{out} ist keine normale Datei; nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>{out} is an SQLite database (a chart or a backup?); choose a new file</source>
        <translation>{out} ist eine SQLite-Datenbank (eine Kurvendatei oder Sicherung?); wählen Sie bitte eine neue Datei</translation>
    </message>
</context>
<context>
    <name>ChartStore</name>
    <message>
        <source>chart file {path} was replaced by another program (encrypted, decrypted or copied over) since it was opened: nothing was saved; close it and open it again</source>
        <extracomment>The file cannot be written (read-only medium, permissions): reading still works. An encrypted file&apos;s passphrase, kept to key its backups the same way. The file opened (device, inode): another program may replace the path meanwhile. Write transactions committed through ``write()`` since the file was opened. ``close()`` was called: nothing may be read or written through it any more.</extracomment>
        <translation>Kurvendatei {path} wurde seit dem Öffnen von einem anderen Programm ersetzt (verschlüsselt, entschlüsselt oder überschrieben): nichts wurde gespeichert; schließen Sie sie bitte und öffnen Sie sie erneut</translation>
    </message>
    <message>
        <source>chart file {path} is encrypted, or is not a wardchart chart file (it is not a plain SQLite database): give its passphrase (WARDCHART_PASSPHRASE) if it is encrypted; it was left untouched</source>
        <translation>Kurvendatei {path} ist verschlüsselt oder keine wardchart-Kurvendatei (keine unverschlüsselte SQLite-Datenbank): falls verschlüsselt, geben Sie die Passphrase an (WARDCHART_PASSPHRASE); sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>empty (0 bytes)</source>
        <translation>leer (0 Bytes)</translation>
    </message>
    <message>
        <source>an empty SQLite database</source>
        <translation>eine leere SQLite-Datenbank</translation>
    </message>
    <message>
        <source>chart file {path} is {what}, not a wardchart chart file; a new chart is only started where no file exists; it was left untouched</source>
        <translation>Kurvendatei {path} ist {what}, keine wardchart-Kurvendatei; eine neue Kurve wird nur angelegt, wo noch keine Datei existiert; sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>chart file {path} is an SQLite database but not a wardchart chart file; it was left untouched</source>
        <translation>Kurvendatei {path} ist eine SQLite-Datenbank, aber keine wardchart-Kurvendatei; sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>chart file {path} was made by a newer wardchart (schema {migration}); open it with that version or newer; it was left untouched</source>
        <translation>Kurvendatei {path} wurde mit einem neueren wardchart erstellt (Schema {migration}); öffnen Sie sie bitte mit dieser oder einer neueren Version; sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>chart file {path} is {kind}, not a chart file; nothing was done</source>
        <translation>Kurvendatei {path} ist {kind}, keine Kurvendatei; nichts wurde getan</translation>
    </message>
    <message>
        <source>no chart file at {path}</source>
        <translation>keine Kurvendatei unter {path}</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>eine benannte Pipe</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine normale Datei</translation>
    </message>
    <message>
        <source>chart file {path} is read-only and needs an upgrade by this wardchart; make it writable first</source>
        <translation>Kurvendatei {path} ist schreibgeschützt und muss von diesem wardchart aktualisiert werden; machen Sie sie bitte zuerst beschreibbar</translation>
    </message>
    <message>
        <source>chart file {path} is damaged ({problem}); it was left untouched</source>
        <translation>Kurvendatei {path} ist beschädigt ({problem}); sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>chart file {path} is damaged ({problem}); nothing was saved; run wardchart check, and restore a backup if it fails</source>
        <translation>Kurvendatei {path} ist beschädigt ({problem}); nichts wurde gespeichert; führen Sie wardchart check aus und stellen Sie bei Fehlern eine Sicherung wieder her</translation>
    </message>
    <message>
        <source>chart file {path} does not have this wardchart&apos;s schema ({problem}); nothing was saved; run wardchart check</source>
        <translation>Kurvendatei {path} hat nicht das Schema dieses wardchart ({problem}); nichts wurde gespeichert; führen Sie wardchart check aus</translation>
    </message>
    <message>
        <source>chart file {path} is in use by another program or window; try again in a moment</source>
        <translation>Kurvendatei {path} wird von einem anderen Programm oder Fenster benutzt; versuchen Sie es bitte gleich erneut</translation>
    </message>
    <message>
        <source>chart file {path} is read-only: nothing was saved; check the file&apos;s and folder&apos;s permissions</source>
        <translation>Kurvendatei {path} ist schreibgeschützt: nichts wurde gespeichert; prüfen Sie bitte die Berechtigungen von Datei und Ordner</translation>
    </message>
    <message>
        <source>chart file {path} could not be written (disk full or failing): nothing was saved</source>
        <translation>Kurvendatei {path} konnte nicht geschrieben werden (Datenträger voll oder defekt): nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>chart file {path} is damaged or is not a wardchart chart file</source>
        <translation>Kurvendatei {path} ist beschädigt oder keine wardchart-Kurvendatei</translation>
    </message>
    <message>
        <source>chart file {path} cannot be opened: check that the folder exists and is writable</source>
        <translation>Kurvendatei {path} kann nicht geöffnet werden: prüfen Sie bitte, ob der Ordner existiert und beschreibbar ist</translation>
    </message>
    <message>
        <source>chart file {path} could not be used ({error})</source>
        <translation>Kurvendatei {path} konnte nicht benutzt werden ({error})</translation>
    </message>
    <message>
        <source>a patient with MRN {mrn} is already on this chart</source>
        <translation>ein Patient mit MRN {mrn} ist bereits in dieser Kurve</translation>
    </message>
    <message>
        <source>{regimen_name} is not in the ward&apos;s library ({known}); give its nadir window too</source>
        <translation>{regimen_name} ist nicht in der Schema-Bibliothek der Station ({known}); geben Sie bitte auch das Nadir-Fenster an</translation>
    </message>
    <message>
        <source>name the drug, e.g. filgrastim or pegfilgrastim</source>
        <translation>geben Sie bitte das Präparat an, z. B. Filgrastim oder Pegfilgrastim</translation>
    </message>
    <message>
        <source>give a reason for the correction</source>
        <translation>geben Sie bitte einen Grund für die Korrektur an</translation>
    </message>
    <message>
        <source>this cycle is no longer on the chart</source>
        <translation>dieser Zyklus ist nicht mehr in der Kurve</translation>
    </message>
    <message>
        <source>MRN {mrn} belongs to {name}</source>
        <translation>MRN {mrn} gehört zu {name}</translation>
    </message>
    <message>
        <source>{table} records cannot be withdrawn</source>
        <translation>Einträge aus {table} können nicht zurückgezogen werden</translation>
    </message>
    <message>
        <source>{table} has no record history</source>
        <translation>{table} hat keinen Eintragsverlauf</translation>
    </message>
    <message>
        <source>no patient with MRN {mrn} on this chart</source>
        <translation>kein Patient mit MRN {mrn} in dieser Kurve</translation>
    </message>
    <message>
        <source>give the record id (at least its first 8 characters; see wardchart history --mrn MRN)</source>
        <extracomment>Where a reader has got to in the audit log: the last row&apos;s sequence number and hash. Audit entities whose change can alter any patient&apos;s census line.</extracomment>
        <translation>geben Sie bitte die Eintrags-ID an (mindestens die ersten 8 Zeichen; siehe wardchart history --mrn MRN)</translation>
    </message>
    <message>
        <source>no current record {id_or_prefix} of this kind (corrected or withdrawn records keep their old id)</source>
        <translation>kein aktueller Eintrag {id_or_prefix} dieser Art (korrigierte oder zurückgezogene Einträge behalten ihre alte ID)</translation>
    </message>
    <message>
        <source>{id_or_prefix} matches more than one record; give more of the id</source>
        <translation>{id_or_prefix} passt auf mehr als einen Eintrag; geben Sie bitte mehr von der ID an</translation>
    </message>
    <message>
        <source>this record&apos;s patient is no longer on the chart</source>
        <translation>der Patient dieses Eintrags ist nicht mehr in der Kurve</translation>
    </message>
    <message>
        <source>{table}: no current record {origin_id}</source>
        <translation>{table}: kein aktueller Eintrag {origin_id}</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>{version} (this wardchart knows {known})</source>
        <translation>{version} (dieses wardchart kennt {known})</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>1 broken reference</source>
        <translation>1 ungültiger Verweis</translation>
    </message>
    <message>
        <source>{count} broken references</source>
        <translation>{count} ungültige Verweise</translation>
    </message>
    <message>
        <source>{differences} and {count} more</source>
        <translation>{differences} und {count} weitere</translation>
    </message>
    <message>
        <source>integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>foreign keys</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <source>audit chain</source>
        <translation>Audit-Kette</translation>
    </message>
    <message>
        <source>schema objects</source>
        <translation>Schema-Objekte</translation>
    </message>
    <message>
        <source>ok, as this version creates them</source>
        <translation>in Ordnung, wie diese Version sie anlegt</translation>
    </message>
    <message>
        <source>{check}: {problem}</source>
        <translation>{check}: {problem}</translation>
    </message>
    <message>
        <source>the audit log table is missing</source>
        <extracomment>The audit actions that write a version of a record (storage/records.py). Tables whose rows are bound to their audit rows: (table, the column naming the record in its audit rows, the actions that write a row). How many records a failed check names before &quot;and N more&quot;.</extracomment>
        <translation>die Tabelle des Audit-Protokolls fehlt</translation>
    </message>
    <message>
        <source>{table} record {record}: the version audited at row {row} was changed or deleted</source>
        <translation>{table}-Eintrag {record}: die in Zeile {row} protokollierte Version wurde verändert oder gelöscht</translation>
    </message>
    <message>
        <source>{table} record {record}: 1 audited version was deleted</source>
        <translation>{table}-Eintrag {record}: 1 protokollierte Version wurde gelöscht</translation>
    </message>
    <message>
        <source>{table} record {record}: {count} audited versions were deleted</source>
        <translation>{table}-Eintrag {record}: {count} protokollierte Versionen wurden gelöscht</translation>
    </message>
    <message>
        <source>1 ward setting has no audit row</source>
        <translation>1 Stationseinstellung hat keine Audit-Zeile</translation>
    </message>
    <message>
        <source>{count} ward settings have no audit row</source>
        <translation>{count} Stationseinstellungen haben keine Audit-Zeile</translation>
    </message>
    <message>
        <source>1 {table} record has versions without an audit row</source>
        <translation>1 {table}-Eintrag hat Versionen ohne Audit-Zeile</translation>
    </message>
    <message>
        <source>{count} {table} records have versions without an audit row</source>
        <translation>{count} {table}-Einträge haben Versionen ohne Audit-Zeile</translation>
    </message>
    <message>
        <source>and 1 more record</source>
        <translation>und 1 weiterer Eintrag</translation>
    </message>
    <message>
        <source>and {count} more records</source>
        <translation>und {count} weitere Einträge</translation>
    </message>
    <message>
        <source>ok, {count} rows</source>
        <translation>in Ordnung, {count} Zeilen</translation>
    </message>
    <message>
        <source>{count} rows, but {problem}</source>
        <translation>{count} Zeilen, aber {problem}</translation>
    </message>
    <message>
        <source>broken at row {row}: {problem}</source>
        <translation>unterbrochen in Zeile {row}: {problem}</translation>
    </message>
    <message>
        <source>the chart&apos;s audit history: {problem}</source>
        <translation>Audit-Verlauf der Kurve: {problem}</translation>
    </message>
    <message>
        <source>give a backup file, or a chain head as printed (42-3f9a…)</source>
        <translation>geben Sie bitte eine Sicherungsdatei oder einen Kettenkopf wie gedruckt an (42-3f9a…)</translation>
    </message>
    <message>
        <source>history was cut: the chart has {count} audit rows, backup {backup} has {backup_count} (head {head})</source>
        <translation>Verlauf wurde gekürzt: die Kurve hat {count} Audit-Zeilen, die Sicherung {backup} hat {backup_count} (Kopf {head})</translation>
    </message>
    <message>
        <source>history was rewritten: audit row {row} differs from backup {backup} (the chart was restored from an older backup there)</source>
        <translation>Verlauf wurde umgeschrieben: Audit-Zeile {row} weicht von der Sicherung {backup} ab (die Kurve wurde dort aus einer älteren Sicherung wiederhergestellt)</translation>
    </message>
    <message>
        <source>history was rewritten: audit row {row} differs from backup {backup}</source>
        <translation>Verlauf wurde umgeschrieben: Audit-Zeile {row} weicht von der Sicherung {backup} ab</translation>
    </message>
    <message>
        <source>the chart&apos;s {count} audit rows extend backup {backup} (head {head}), and it holds every record row of the backup unchanged</source>
        <translation>die {count} Audit-Zeilen der Kurve setzen die Sicherung {backup} fort (Kopf {head}), und sie enthält jede Eintragszeile der Sicherung unverändert</translation>
    </message>
    <message>
        <source>records were altered: {table} record {record}, version {version}, was changed since backup {backup}</source>
        <extracomment>(table, row id) -&gt; (the record it is a version of, the hash of its content)</extracomment>
        <translation>Einträge wurden verändert: {table}-Eintrag {record}, Version {version}, wurde seit der Sicherung {backup} geändert</translation>
    </message>
    <message>
        <source>records were altered: {table} record {record}, version {version}, was deleted since backup {backup}</source>
        <translation>Einträge wurden verändert: {table}-Eintrag {record}, Version {version}, wurde seit der Sicherung {backup} gelöscht</translation>
    </message>
    <message>
        <source>{altered} (and 1 more row)</source>
        <translation>{altered} (und 1 weitere Zeile)</translation>
    </message>
    <message>
        <source>{altered} (and {count} more rows)</source>
        <translation>{altered} (und {count} weitere Zeilen)</translation>
    </message>
    <message>
        <source>history was cut: the chart has {count} audit rows, the printed head {head} has {head_count}</source>
        <translation>Verlauf wurde gekürzt: die Kurve hat {count} Audit-Zeilen, der gedruckte Kopf {head} hat {head_count}</translation>
    </message>
    <message>
        <source>history was rewritten: audit row {row} differs from the printed head</source>
        <translation>Verlauf wurde umgeschrieben: Audit-Zeile {row} weicht vom gedruckten Kopf ab</translation>
    </message>
    <message>
        <source>the chart&apos;s {count} audit rows extend the printed head {head}</source>
        <translation>die {count} Audit-Zeilen der Kurve setzen den gedruckten Kopf {head} fort</translation>
    </message>
    <message>
        <source>no backup file at {backup}</source>
        <translation>keine Sicherungsdatei unter {backup}</translation>
    </message>
    <message>
        <source>backup {backup} is encrypted: give its passphrase</source>
        <translation>Sicherung {backup} ist verschlüsselt: geben Sie bitte ihre Passphrase an</translation>
    </message>
    <message>
        <source>{backup} is not a wardchart backup (it has no audit log)</source>
        <translation>{backup} ist keine wardchart-Sicherung (sie hat kein Audit-Protokoll)</translation>
    </message>
    <message>
        <source>backup {backup} cannot be read: {error}</source>
        <translation>Sicherung {backup} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>backup {backup} is not a sound anchor: {describe_history}</source>
        <translation>Sicherung {backup} ist kein verlässlicher Anker: {describe_history}</translation>
    </message>
    <message>
        <source>backup {backup} was altered after it was made: its name records audit head {short}, its contents do not</source>
        <translation>Sicherung {backup} wurde nach ihrer Erstellung verändert: ihr Name nennt den Audit-Kopf {short}, ihr Inhalt nicht</translation>
    </message>
    <message>
        <source>does not follow the previous row&apos;s hash</source>
        <extracomment>The key, in the detail of the audit row that writes a version of a record (or a ward setting), of the hash of that version&apos;s stored content: see ``version_hash``. Why a row breaks the chain (translated where shown).</extracomment>
        <translation>folgt nicht dem Hash der vorigen Zeile</translation>
    </message>
    <message>
        <source>content does not match its hash</source>
        <translation>Inhalt passt nicht zu seinem Hash</translation>
    </message>
    <message>
        <source>row {row} is missing</source>
        <extracomment>How many chains were verified (one per replica whose rows the file holds).</extracomment>
        <translation>Zeile {row} fehlt</translation>
    </message>
    <message>
        <source>row {row} of chart {chart} is missing</source>
        <translation>Zeile {row} der Kurve {chart} fehlt</translation>
    </message>
    <message>
        <source>1 audit row belongs to no chain</source>
        <translation>1 Audit-Zeile gehört zu keiner Kette</translation>
    </message>
    <message>
        <source>{count} audit rows belong to no chain</source>
        <translation>{count} Audit-Zeilen gehören zu keiner Kette</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>{table} record {id} corrected apart</source>
        <extracomment>Conflict kinds: a record&apos;s history forked (two corrections, or a correction and an entered-in-error, made apart) — of a clinical record, a regimen, an account —, two records that cannot both be current, and a ward setting changed on two replicas. Kinds whose versions all belong to one record (or one setting): keeping one sets the others aside. What the version columns are not: left out of a side&apos;s summary. What a conflict is about, in words (shown translated; fields named by their columns).</extracomment>
        <translation>Eintrag {id} ({table}) getrennt korrigiert</translation>
    </message>
    <message>
        <source>ward setting {key} changed apart</source>
        <translation>Stationseinstellung {key} getrennt geändert</translation>
    </message>
    <message>
        <source>MRN {mrn}</source>
        <translation>MRN {mrn}</translation>
    </message>
    <message>
        <source>cycle {number}</source>
        <translation>Zyklus {number}</translation>
    </message>
    <message>
        <source>bed {bed}</source>
        <translation>Bett {bed}</translation>
    </message>
    <message>
        <source>user name {username}</source>
        <translation>Benutzername {username}</translation>
    </message>
    <message>
        <source>regimen {name}</source>
        <translation>Therapieschema {name}</translation>
    </message>
    <message>
        <source>CBC taken {when}</source>
        <translation>Blutbild abgenommen {when}</translation>
    </message>
    <message>
        <source>temperature taken {when}</source>
        <translation>Temperatur gemessen {when}</translation>
    </message>
    <message>
        <source>G-CSF dose given {when}</source>
        <translation>G-CSF-Gabe {when}</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>line {line}: {field}: {message}</source>
        <extracomment>Columns that are read: the values, and what ``export`` writes to identify and qualify them. ``export`` names the time column &quot;time&quot;; it means the same as &quot;taken&quot;.</extracomment>
        <translation>Zeile {line}: {field}: {message}</translation>
    </message>
    <message>
        <source>line {line}: {text}</source>
        <translation>Zeile {line}: {text}</translation>
    </message>
    <message>
        <source>line 1: the file is empty</source>
        <extracomment>The longest cell accepted: far above any MRN, time or count (see docs/files.md).</extracomment>
        <translation>Zeile 1: die Datei ist leer</translation>
    </message>
    <message>
        <source>line 1: {error}</source>
        <translation>Zeile 1: {error}</translation>
    </message>
    <message>
        <source>line 1: column {name} appears more than once (columns {first} and {second}); keep one</source>
        <translation>Zeile 1: Spalte {name} kommt mehrfach vor (Spalten {first} und {second}); behalten Sie bitte eine davon</translation>
    </message>
    <message>
        <source>line 1: columns &apos;taken&apos; and &apos;time&apos; mean the same; keep one</source>
        <translation>Zeile 1: die Spalten &apos;taken&apos; und &apos;time&apos; bedeuten dasselbe; behalten Sie bitte eine davon</translation>
    </message>
    <message>
        <source>line 1: unknown column {column}; known: {columns}</source>
        <translation>Zeile 1: unbekannte Spalte {column}; bekannt: {columns}</translation>
    </message>
    <message>
        <source>line 1: missing column {column}</source>
        <translation>Zeile 1: Spalte {column} fehlt</translation>
    </message>
    <message>
        <source>line {line_num}: {error}</source>
        <translation>Zeile {line_num}: {error}</translation>
    </message>
    <message>
        <source>line {line}: {count} values for {count2} columns</source>
        <translation>Zeile {line}: {count} Werte für {count2} Spalten</translation>
    </message>
    <message>
        <source>line {line}: {name}: {count} characters; at most {max_cell}</source>
        <translation>Zeile {line}: {name}: {count} Zeichen; höchstens {max_cell}</translation>
    </message>
    <message>
        <source>{ucum} is not the same unit as {unit}</source>
        <translation>{ucum} ist nicht dieselbe Einheit wie {unit}</translation>
    </message>
    <message>
        <source>is empty, but anc_source says the lab reported it</source>
        <translation>ist leer, aber anc_source sagt, das Labor habe ihn gemeldet</translation>
    </message>
    <message>
        <source>{source} is not lab or computed</source>
        <translation>{source} ist weder lab noch computed</translation>
    </message>
    <message>
        <source>{record_id} names a result on this chart with other values; {replace}</source>
        <extracomment>How a charted result is changed: a correction, never a second result beside it. The values of a result row that an edited export could change.</extracomment>
        <translation>{record_id} bezeichnet einen Laborwert dieser Kurve mit anderen Werten; {replace}</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>{path} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>no patient with MRN {mrn}</source>
        <translation>kein Patient mit MRN {mrn}</translation>
    </message>
    <message>
        <source>{plain} is not the ANC computed from this row&apos;s WBC and differential ({again})</source>
        <translation>{plain} ist nicht die aus Leukozyten und Differenzialblutbild dieser Zeile berechnete ANC ({again})</translation>
    </message>
    <message>
        <source>{clash}: {correct_hint}</source>
        <translation>{clash}: {correct_hint}</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>chart file {name}: wrong passphrase, or not a wardchart chart file; nothing was changed</source>
        <translation>Kurvendatei {name}: falsche Passphrase oder keine wardchart-Kurvendatei; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{target} already exists; it was left untouched</source>
        <translation>{target} existiert bereits; sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>could not write {target}: {error}</source>
        <translation>{target} konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>at least {min_passphrase} characters</source>
        <extracomment>Shorter passphrases are refused: the file may leave the building on a laptop.</extracomment>
        <translation>mindestens {min_passphrase} Zeichen</translation>
    </message>
    <message>
        <source>the new copy of {source} failed its check; nothing changed</source>
        <translation>die neue Kopie von {source} hat die Prüfung nicht bestanden; nichts wurde geändert</translation>
    </message>
    <message>
        <source>the new copy of {source} broke the audit chain; nothing changed</source>
        <translation>die neue Kopie von {source} hat die Audit-Kette unterbrochen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>the new copy of {source} lost rows; nothing changed</source>
        <translation>in der neuen Kopie von {source} fehlen Zeilen; nichts wurde geändert</translation>
    </message>
</context>
<context>
    <name>Fhir</name>
    <message>
        <source>the bundle is not valid FHIR R4 at {where}: {msg}</source>
        <translation>das Bundle ist an der Stelle {where} kein gültiges FHIR R4: {msg}</translation>
    </message>
    <message>
        <source>{name}: the key {key} appears twice in one JSON object: which value is meant? nothing was imported</source>
        <translation>{name}: der Schlüssel {key} kommt in einem JSON-Objekt zweimal vor: welcher Wert ist gemeint? nichts wurde importiert</translation>
    </message>
    <message>
        <source>cannot read {name}: {strerror}</source>
        <translation>{name} kann nicht gelesen werden: {strerror}</translation>
    </message>
    <message>
        <source>{name} is not a FHIR Bundle (JSON); nothing was imported</source>
        <translation>{name} ist kein FHIR-Bundle (JSON); nichts wurde importiert</translation>
    </message>
    <message>
        <source>{name} is a FHIR Bundle without a type; wardchart reads {types}; nothing was imported</source>
        <translation>{name} ist ein FHIR-Bundle ohne Typ; wardchart liest {types}; nichts wurde importiert</translation>
    </message>
    <message>
        <source>{name} is a FHIR Bundle of type {kind}; wardchart reads {types}; nothing was imported</source>
        <translation>{name} ist ein FHIR-Bundle vom Typ {kind}; wardchart liest {types}; nichts wurde importiert</translation>
    </message>
    <message>
        <source>{name}: the bundle&apos;s entry is not a list</source>
        <translation>{name}: der Eintrag (entry) des Bundles ist keine Liste</translation>
    </message>
    <message>
        <source>the entry has no resource</source>
        <translation>der Eintrag hat keine Ressource</translation>
    </message>
    <message>
        <source>Patient: used to match the observations, not charted</source>
        <translation>Patient: dient der Zuordnung der Beobachtungen, wird nicht eingetragen</translation>
    </message>
    <message>
        <source>{kind}: wardchart charts Observations only</source>
        <translation>{kind}: wardchart trägt nur Observations ein</translation>
    </message>
    <message>
        <source>an Observation ({shown}) that wardchart does not chart</source>
        <translation>eine Observation ({shown}), die wardchart nicht einträgt</translation>
    </message>
    <message>
        <source>the Observation has no identifier, fullUrl or id</source>
        <translation>die Observation hat keinen Identifier, keine fullUrl und keine id</translation>
    </message>
    <message>
        <source>already imported on {date}</source>
        <translation>bereits importiert am {date}</translation>
    </message>
    <message>
        <source>already on this chart (exported from it)</source>
        <translation>bereits in dieser Kurve (aus ihr exportiert)</translation>
    </message>
    <message>
        <source>status {status}: no result yet</source>
        <translation>Status {status}: noch kein Ergebnis</translation>
    </message>
    <message>
        <source>temperature in unit {unit_text}, not Cel or [degF]</source>
        <translation>Temperatur in der Einheit {unit_text}, nicht Cel oder [degF]</translation>
    </message>
    <message>
        <source>no valueQuantity: not a number to chart</source>
        <translation>kein valueQuantity: keine Zahl zum Eintragen</translation>
    </message>
    <message>
        <source>its subject is not a Patient in the bundle</source>
        <translation>ihr subject ist kein Patient im Bundle</translation>
    </message>
    <message>
        <source>the Patient has no identifier</source>
        <translation>der Patient hat keinen Identifier</translation>
    </message>
    <message>
        <source>no patient on this chart has MRN {mrns}</source>
        <translation>kein Patient in dieser Kurve hat die MRN {mrns}</translation>
    </message>
    <message>
        <source>the identifiers {mrns} belong to different patients</source>
        <translation>die Identifikatoren {mrns} gehören zu verschiedenen Patienten</translation>
    </message>
    <message>
        <source>MRN {mrn}: the Patient has no birth date to check</source>
        <translation>MRN {mrn}: der Patient hat kein Geburtsdatum zum Abgleich</translation>
    </message>
    <message>
        <source>MRN {mrn}: birth date {dob} in the bundle is not the chart&apos;s</source>
        <translation>MRN {mrn}: Geburtsdatum {dob} im Bundle stimmt nicht mit der Kurve überein</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>already imported: the same values and status</source>
        <translation>bereits importiert: dieselben Werte und derselbe Status</translation>
    </message>
    <message>
        <source>its earlier result was withdrawn from the chart; chart this one by hand</source>
        <translation>das frühere Ergebnis wurde aus der Kurve zurückgezogen; tragen Sie dieses bitte von Hand ein</translation>
    </message>
    <message>
        <source>the charted result was corrected by hand since the laboratory sent it; a person compares it with this result</source>
        <translation>das eingetragene Ergebnis wurde seit der Übermittlung durch das Labor von Hand korrigiert; eine Person vergleicht es mit diesem Ergebnis</translation>
    </message>
    <message>
        <source>already on the chart: the same patient, time and counts</source>
        <translation>bereits in der Kurve: derselbe Patient, dieselbe Zeit und dieselben Werte</translation>
    </message>
    <message>
        <source>these results were charted before as different samples</source>
        <translation>diese Ergebnisse wurden früher als verschiedene Proben eingetragen</translation>
    </message>
    <message>
        <source>charted before for another patient: a person checks both charts</source>
        <translation>früher für einen anderen Patienten eingetragen: eine Person prüft beide Kurven</translation>
    </message>
</context>
<context>
    <name>Filesystems</name>
    <message>
        <source>a UNC path (a network share)</source>
        <extracomment>GetDriveTypeW&apos;s answer for a remote (network) drive.</extracomment>
        <translation>ein UNC-Pfad (eine Netzwerkfreigabe)</translation>
    </message>
    <message>
        <source>on {drive}:, a mapped network drive</source>
        <translation>auf {drive}:, einem verbundenen Netzlaufwerk</translation>
    </message>
    <message>
        <source>on a network filesystem ({kind})</source>
        <translation>auf einem Netzwerkdateisystem ({kind})</translation>
    </message>
    <message>
        <source>is {where}: SQLite cannot keep a chart file safe on a network share; keep the chart on this computer&apos;s own disk and share it with the ward through the ward hub (see docs/hub.md)</source>
        <translation>ist {where}: Auf einer Netzwerkfreigabe kann SQLite eine Kurvendatei nicht sicher halten; speichern Sie die Kurve auf der eigenen Festplatte dieses Computers und teilen Sie sie über den Stations-Hub mit der Station (siehe docs/hub.md)</translation>
    </message>
</context>
<context>
    <name>Hl7Import</name>
    <message>
        <source>give the message id (at least its first {min_prefix} characters; see wardchart hl7 held)</source>
        <translation>geben Sie bitte die Nachrichten-ID an (mindestens die ersten {min_prefix} Zeichen; siehe wardchart hl7 held)</translation>
    </message>
    <message>
        <source>no held lab message {typed}; see wardchart hl7 held</source>
        <translation>keine zurückgehaltene Labornachricht {typed}; siehe wardchart hl7 held</translation>
    </message>
    <message>
        <source>{typed} matches more than one message; give more</source>
        <translation>{typed} passt auf mehr als eine Nachricht; geben Sie bitte mehr davon an</translation>
    </message>
    <message>
        <source>no file or folder {path}</source>
        <extracomment>MLLP framing (start block, end block) and the byte-order mark, removed before reading. The reasons a message is held, ignored or refused, marked here (not where they are raised) so that a reason stored in an earlier session reads back translated.</extracomment>
        <translation>keine Datei und kein Ordner {path}</translation>
    </message>
    <message>
        <source>{name} is not an HL7 v2 message file (it must start with an MSH segment); nothing was imported</source>
        <translation>{name} ist keine HL7-v2-Nachrichtendatei (sie muss mit einem MSH-Segment beginnen); nichts wurde importiert</translation>
    </message>
    <message>
        <source>malformed message: {error}</source>
        <translation>fehlerhafte Nachricht: {error}</translation>
    </message>
    <message>
        <source>{segment} is not a segment name</source>
        <translation>{segment} ist kein Segmentname</translation>
    </message>
    <message>
        <source>an OBR segment comes before any PID segment</source>
        <translation>ein OBR-Segment steht vor jedem PID-Segment</translation>
    </message>
    <message>
        <source>an OBX segment comes before any OBR segment</source>
        <translation>ein OBX-Segment steht vor jedem OBR-Segment</translation>
    </message>
    <message>
        <source>no message control id (MSH-10)</source>
        <translation>keine Nachrichten-Kontroll-ID (MSH-10)</translation>
    </message>
    <message>
        <source>a {kind} message, not a result (ORU^R01)</source>
        <translation>eine {kind}-Nachricht, kein Ergebnis (ORU^R01)</translation>
    </message>
    <message>
        <source>no CBC result to chart in the message</source>
        <translation>kein Blutbild-Ergebnis zum Eintragen in der Nachricht</translation>
    </message>
    <message>
        <source>the message has results for {count} patients; it cannot be attached to one patient</source>
        <translation>die Nachricht enthält Ergebnisse für {count} Patienten; sie kann nicht einem Patienten zugeordnet werden</translation>
    </message>
    <message>
        <source>order {key} appears twice in the message</source>
        <translation>Auftrag {key} kommt in der Nachricht zweimal vor</translation>
    </message>
    <message>
        <source>its results are already on the chart</source>
        <translation>ihre Ergebnisse sind bereits in der Kurve</translation>
    </message>
    <message>
        <source>{concept}: more than one value in one result (OBX-5 repeats)</source>
        <translation>{concept}: mehr als ein Wert in einem Ergebnis (OBX-5 wiederholt)</translation>
    </message>
    <message>
        <source>{concept}: {why}</source>
        <translation>{concept}: {why}</translation>
    </message>
    <message>
        <source>two {concept} results with the same sub-id in one order</source>
        <translation>zwei {concept}-Ergebnisse mit derselben Sub-ID in einem Auftrag</translation>
    </message>
    <message>
        <source>the result has no collection time (OBR-7 or OBX-14)</source>
        <translation>das Ergebnis hat keinen Abnahmezeitpunkt (OBR-7 oder OBX-14)</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>the message names no patient identifier (PID-3)</source>
        <translation>die Nachricht nennt keinen Patientenidentifikator (PID-3)</translation>
    </message>
    <message>
        <source>no patient on this chart has MRN {mrns}</source>
        <translation>kein Patient in dieser Kurve hat die MRN {mrns}</translation>
    </message>
    <message>
        <source>the identifiers {mrns} belong to different patients</source>
        <translation>die Identifikatoren {mrns} gehören zu verschiedenen Patienten</translation>
    </message>
    <message>
        <source>MRN {mrn}: the message has no date of birth (PID-7) to check</source>
        <translation>MRN {mrn}: die Nachricht hat kein Geburtsdatum (PID-7) zum Abgleich</translation>
    </message>
    <message>
        <source>MRN {mrn}: date of birth {dob} in the message is not the chart&apos;s</source>
        <translation>MRN {mrn}: Geburtsdatum {dob} in der Nachricht stimmt nicht mit der Kurve überein</translation>
    </message>
    <message>
        <source>order {key} was charted for another patient: a result sent for the wrong patient? A person checks both charts</source>
        <translation>Auftrag {key} wurde für einen anderen Patienten eingetragen: ein Ergebnis für den falschen Patienten? Eine Person prüft beide Kurven</translation>
    </message>
    <message>
        <source>order {key}: its earlier result was withdrawn from the chart; chart this one by hand</source>
        <translation>Auftrag {key}: das frühere Ergebnis wurde aus der Kurve zurückgezogen; tragen Sie dieses bitte von Hand ein</translation>
    </message>
    <message>
        <source>order {key}: the charted result was corrected by hand since the laboratory sent it; a person compares it with this result</source>
        <translation>Auftrag {key}: das eingetragene Ergebnis wurde seit der Übermittlung durch das Labor von Hand korrigiert; eine Person vergleicht es mit diesem Ergebnis</translation>
    </message>
    <message>
        <source>no order number (OBR-3 or ORC-3), and {clash}</source>
        <translation>keine Auftragsnummer (OBR-3 oder ORC-3), und {clash}</translation>
    </message>
    <message>
        <source>a preliminary {concept} arrived after the final one</source>
        <translation>ein vorläufiger {concept}-Wert kam nach dem endgültigen</translation>
    </message>
    <message>
        <source>a second final {concept} with another value; the laboratory sends a correction (status C) for that</source>
        <translation>ein zweiter endgültiger {concept}-Wert mit anderem Wert; dafür sendet das Labor eine Korrektur (Status C)</translation>
    </message>
    <message>
        <source>no held lab message {message_id}</source>
        <translation>keine zurückgehaltene Labornachricht {message_id}</translation>
    </message>
    <message>
        <source>lab message {message} is no longer held (charted, attached or dismissed since); reload the list</source>
        <translation>Labornachricht {message} wird nicht mehr zurückgehalten (inzwischen eingetragen, zugeordnet oder verworfen); laden Sie die Liste bitte neu</translation>
    </message>
    <message>
        <source>that patient is no longer on the chart</source>
        <translation>dieser Patient ist nicht mehr in der Kurve</translation>
    </message>
    <message>
        <source>it cannot be charted to this patient: {reason}</source>
        <translation>sie kann diesem Patienten nicht zugeordnet werden: {reason}</translation>
    </message>
    <message>
        <source>held, then {decision} on {day}</source>
        <translation>zurückgehalten, dann am {day} {decision}</translation>
    </message>
    <message>
        <source>already imported on {day} ({outcome})</source>
        <translation>bereits am {day} importiert ({outcome})</translation>
    </message>
    <message>
        <source>could not be read ({kind}: {error})</source>
        <translation>konnte nicht gelesen werden ({kind}: {error})</translation>
    </message>
</context>
<context>
    <name>Hub</name>
    <message>
        <source>no ward hub address given (a postgresql:// URL or service=NAME)</source>
        <extracomment>Seconds to wait for the server before calling it unreachable. How long a sync waits for another replica&apos;s push to finish before it gives up (&quot;busy&quot;, tried again at the next sync): a push holds the receive lock for one whole write. A sync stopped inside a transaction (a laptop suspended or cut off mid-push) is ended by the server after this long, so the receive lock it holds never blocks the ward for hours. TCP keepalives, so a connection whose other end vanished is noticed in about a minute (libpq&apos;s keepalive parameters), not after the system&apos;s two hours.</extracomment>
        <translation>keine Adresse des Stations-Hubs angegeben (eine postgresql://-URL oder service=NAME)</translation>
    </message>
    <message>
        <source>the ward hub&apos;s address is not valid: {first_line}</source>
        <translation>die Adresse des Stations-Hubs ist ungültig: {first_line}</translation>
    </message>
    <message>
        <source>the ward hub</source>
        <translation>Stations-Hub</translation>
    </message>
    <message>
        <source>the ward hub (service {service})</source>
        <translation>Stations-Hub (Dienst {service})</translation>
    </message>
    <message>
        <source>the ward hub at {host}:{port}/{database}</source>
        <translation>Stations-Hub {host}:{port}/{database}</translation>
    </message>
    <message>
        <source>{where} refused the credentials ({error}); check the user name and the password in PGPASSWORD or ~/.pgpass</source>
        <extracomment>The server answered, then gave up on the statement: not a lost connection.</extracomment>
        <translation>{where} hat die Anmeldedaten abgelehnt ({error}); prüfen Sie bitte Benutzername und Passwort in PGPASSWORD oder ~/.pgpass</translation>
    </message>
    <message>
        <source>{where} refused the connection ({error})</source>
        <translation>{where} hat die Verbindung abgelehnt ({error})</translation>
    </message>
    <message>
        <source>{where}: no such database ({error})</source>
        <translation>{where}: keine solche Datenbank ({error})</translation>
    </message>
    <message>
        <source>{where} refused: {error}</source>
        <translation>{where} hat abgelehnt: {error}</translation>
    </message>
    <message>
        <source>{where} is busy and gave up on this sync ({error}); it is tried again</source>
        <translation>{where} ist ausgelastet und hat diesen Abgleich abgebrochen ({error}); er wird erneut versucht</translation>
    </message>
    <message>
        <source>{where} cannot be reached ({error})</source>
        <translation>{where} ist nicht erreichbar ({error})</translation>
    </message>
    <message>
        <source>{where} said: {error}</source>
        <translation>{where} meldet: {error}</translation>
    </message>
    <message>
        <source>{where}: the service is not defined on this computer ({error}); see ~/.pg_service.conf or PGSERVICEFILE (docs/hub.md)</source>
        <translation>{where}: der Dienst ist auf diesem Computer nicht definiert ({error}); siehe ~/.pg_service.conf oder PGSERVICEFILE (docs/hub.md)</translation>
    </message>
    <message>
        <source>{where} refused: this computer&apos;s role {role} sends as replica {bound}, not {named}; nothing was sent. A computer&apos;s role sends as one replica: a new chart file on this computer (restored, copied or made again) needs a new role for it (docs/hub.md, A role per computer)</source>
        <translation>{where} hat abgelehnt: die Rolle {role} dieses Computers sendet als Replikat {bound}, nicht als {named}; nichts wurde gesendet. Die Rolle eines Computers sendet als ein Replikat: eine neue Kurvendatei auf diesem Computer (wiederhergestellt, kopiert oder neu angelegt) braucht eine neue Rolle (docs/hub.md, A role per computer)</translation>
    </message>
    <message>
        <source>{where} refused: replica {named} is sent by role {other}, not by this computer&apos;s role {role}; nothing was sent. If this chart file was copied from that computer, keep it aside and make a new replica for this one (docs/hub.md)</source>
        <translation>{where} hat abgelehnt: Replikat {named} wird von der Rolle {other} gesendet, nicht von der Rolle {role} dieses Computers; nichts wurde gesendet. Wurde diese Kurvendatei von jenem Computer kopiert, legen Sie sie beiseite und legen Sie für diesen Computer ein neues Replikat an (docs/hub.md)</translation>
    </message>
    <message>
        <source>{where} has a schema named wardchart that is not a wardchart hub; nothing was changed</source>
        <extracomment>Every table of the hub (the record tables, then the replicas&apos; bookkeeping). Key of the transaction-scoped advisory lock ``hub init`` holds while it works. Key of the lock every push holds while it writes: pushes commit one at a time, so rows become visible in the order of their receive sequence and a pull never skips one. Key of the lock a chart with no ward yet holds from checking the hub&apos;s ward to the end of its push (sync.py), so two charts cannot both find the hub empty of others&apos; rows. The channel the hub notifies on after every committed insert (``listen.py``). Tables whose inserts are announced: what a pull reads, and the replicas&apos; audit rows. The table holding the ward&apos;s identity: one row, made by ``hub init``. The SQLSTATE of the refusal of a chain head naming no audit row the hub holds. The table binding each computer&apos;s own role to the one replica it sends as. (version, SQL): never edit a released one; add the next version last. The hub version this wardchart makes and understands. The version found (None: there was no hub) and the version left. The role granted SELECT and INSERT (None: no role given). The ward&apos;s id the hub holds.</extracomment>
        <translation>{where} hat ein Schema namens wardchart, das kein wardchart-Hub ist; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{where} has a wardchart schema with no version; nothing was changed</source>
        <translation>{where} hat ein wardchart-Schema ohne Version; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{where} holds no wardchart hub: the database&apos;s owner runs `wardchart hub init` first (docs/hub.md)</source>
        <translation>{where} enthält keinen wardchart-Hub: der Eigentümer der Datenbank führt zuerst `wardchart hub init` aus (docs/hub.md)</translation>
    </message>
    <message>
        <source>{where} was made by an older wardchart (hub version {version}, this one uses {hub_version}): the database&apos;s owner runs `wardchart hub init` to upgrade it</source>
        <translation>{where} wurde mit einem älteren wardchart erstellt (Hub-Version {version}, dieses verwendet {hub_version}): der Eigentümer der Datenbank führt `wardchart hub init` zum Aktualisieren aus</translation>
    </message>
    <message>
        <source>{where} was made by a newer wardchart (hub version {version}, this one knows up to {hub_version}): install that version or newer; nothing was changed</source>
        <translation>{where} wurde mit einem neueren wardchart erstellt (Hub-Version {version}, dieses kennt bis {hub_version}): installieren Sie bitte diese oder eine neuere Version; nichts wurde geändert</translation>
    </message>
    <message>
        <source>`hub init` on {where} must be run as the hub&apos;s owner ({owner}); nothing was changed</source>
        <translation>`hub init` auf {where} muss als Eigentümer des Hubs ({owner}) ausgeführt werden; nichts wurde geändert</translation>
    </message>
    <message>
        <source>`hub init` on {where} must be run as the database&apos;s owner (this role may not create a schema there); nothing was changed</source>
        <translation>`hub init` auf {where} muss als Eigentümer der Datenbank ausgeführt werden (diese Rolle darf dort kein Schema anlegen); nichts wurde geändert</translation>
    </message>
    <message>
        <source>{text} is not a ward id: copy the whole id from the line ward of `wardchart check` on one of the ward&apos;s computers</source>
        <translation>{text} ist keine Stations-ID: die ganze ID aus der Zeile ward von `wardchart check` auf einem Computer der Station kopieren</translation>
    </message>
    <message>
        <source>{where} already holds ward {found}, not {wanted}: --ward-id is only for making a lost hub again in an empty database; nothing was changed</source>
        <translation>{where} gehört bereits zur Station {found}, nicht {wanted}: --ward-id dient nur dazu, einen verlorenen Hub in einer leeren Datenbank neu anzulegen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>no role {role} on {where}: create the ward&apos;s role first (CREATE ROLE ... LOGIN, docs/hub.md); nothing was changed</source>
        <translation>keine Rolle {role} auf {where}: zuerst die Rolle der Station anlegen (CREATE ROLE ... LOGIN, docs/hub.md); nichts wurde geändert</translation>
    </message>
    <message>
        <source>role {role} is a superuser on {where}: the ward&apos;s role must be an ordinary role (a superuser can do anything); nothing was changed</source>
        <translation>Rolle {role} ist Superuser auf {where}: die Rolle der Station muss eine gewöhnliche Rolle sein (ein Superuser darf alles); nichts wurde geändert</translation>
    </message>
    <message>
        <source>chart file {path} has no chart id; open it again</source>
        <extracomment>Rows the hub did not hold before (records and audit rows). Rows this chart did not hold before (records and audit rows). Conflicts this sync made (open ones not open before), and every open one after — counted when records came in from other replicas, or at the file&apos;s first sync in this process (charting on this file never makes one; a resolution made here is counted at the next sync that brings records in). Nothing of this chart waits to be sent, and nothing of the hub to be pulled (as of the end of this sync). The hub, described without any password (&quot;the ward hub at host:5432/ward&quot;). This replica&apos;s chart id; the hub&apos;s receive sequence pulled through. Rows sent and received, by table (``audit_rows``: audit rows). Entries of this replica made meanwhile and not yet sent. Connections kept open by ``sync(..., keep_open=True)``, one per address and thread: a connection is never shared between two threads (two windows in one process). Open conflicts per chart file, counted when a sync brought other replicas&apos; records in (or at a file&apos;s first sync in this process): charting on this file never makes one.
----------
The audit rows&apos; table on the hub, pulled with the record tables (their key and columns).</extracomment>
        <translation>Kurvendatei {path} hat keine Kurven-ID; öffnen Sie sie bitte erneut</translation>
    </message>
    <message>
        <source>this chart belongs to another ward than {hub} (chart&apos;s ward {chart_ward}, hub&apos;s ward {hub_ward}): nothing was sent or received; check the hub address (--hub, WARDCHART_HUB or the ward setting hub); a hub IT made again after losing it must carry this ward&apos;s id (hub init --ward-id, docs/hub.md)</source>
        <translation>diese Kurve gehört zu einer anderen Station als {hub} (Station der Kurve {chart_ward}, Station des Hubs {hub_ward}): nichts wurde gesendet oder empfangen; prüfen Sie die Hub-Adresse (--hub, WARDCHART_HUB oder die Stationseinstellung hub); ein Hub, den die IT nach einem Verlust neu angelegt hat, muss die ID dieser Station tragen (hub init --ward-id, docs/hub.md)</translation>
    </message>
    <message>
        <source>this chart holds entries of its own and has never synced with {hub}, which already holds other computers&apos; records: if this chart really is of the same ward, run `wardchart sync --join-ward` to merge it in; nothing was sent or received (docs/hub.md)</source>
        <translation>diese Kurve enthält eigene Einträge und wurde nie mit {hub} synchronisiert, der bereits Einträge anderer Computer enthält: wenn diese Kurve wirklich zur selben Station gehört, führen Sie `wardchart sync --join-ward` aus, um sie einzubringen; nichts wurde gesendet oder empfangen (docs/hub.md)</translation>
    </message>
    <message>
        <source>chart file {path} has no chart id</source>
        <translation>Kurvendatei {path} hat keine Kurven-ID</translation>
    </message>
    <message>
        <source>this chart extends what {hub} holds of it</source>
        <translation>diese Kurve setzt fort, was {hub} von ihr enthält</translation>
    </message>
    <message>
        <source>this chart extends what {hub} holds of it, last synced {time} UTC</source>
        <translation>diese Kurve setzt fort, was {hub} von ihr enthält, zuletzt abgeglichen {time} UTC</translation>
    </message>
    <message>
        <source>{where} holds no ward id: the hub was altered; nothing was sent or received</source>
        <extracomment>Rows per batch: each batch is one transaction on the hub (and in the chart, pulling). Called after each committed batch: (table, rows newly written by the batch). What tells this hub from another (``sync.hub_id``), once asked: a connection kept open between syncs asks once. The ward&apos;s id (``ward_id``), once asked.</extracomment>
        <translation>{where} enthält keine Stationskennung: der Hub wurde verändert; nichts wurde gesendet oder empfangen</translation>
    </message>
    <message>
        <source>this chart no longer extends the history it sent to {hub} ({problem}): it was restored from an old backup, cut or rewritten; nothing was sent; keep this file aside and make a new replica for this computer: wardchart --db NEW.sqlite sync --hub URL (docs/hub.md)</source>
        <extracomment>An audit row as the hub stores it: the names of ``AUDIT_COLUMNS``. The push mark of the chart&apos;s audit rows (by the file&apos;s own sequence). The newest row of each chain in ``chain_heads``, found through its primary key (chain, place) one chain at a time: the table gains a row per chain at every push, so a scan of it would grow with the ward&apos;s whole history. Each push mark of one replica, by its primary key (replica, table, mark): one lookup per table, however many marks its pushes have left.</extracomment>
        <translation>diese Kurve setzt den Verlauf, den sie an {hub} gesendet hat, nicht mehr fort ({problem}): sie wurde aus einer alten Sicherung wiederhergestellt, gekürzt oder umgeschrieben; nichts wurde gesendet; legen Sie diese Datei beiseite und legen Sie für diesen Computer ein neues Replikat an: wardchart --db NEW.sqlite sync --hub URL (docs/hub.md)</translation>
    </message>
    <message>
        <source>this chart file is a copy of another computer&apos;s replica (both charted as replica {chart}; or a backup charted on after it was restored): its history and the one {hub} holds part ways; nothing was sent; keep this file aside and make a new replica for this computer: wardchart --db NEW.sqlite sync --hub URL (docs/hub.md)</source>
        <translation>diese Kurvendatei ist eine Kopie des Replikats eines anderen Computers (beide haben als Replikat {chart} dokumentiert; oder eine Sicherung, in der nach der Wiederherstellung dokumentiert wurde): ihr Verlauf und der, den {hub} enthält, gehen auseinander; nichts wurde gesendet; legen Sie diese Datei beiseite und erstellen Sie ein neues Replikat für diesen Computer: wardchart --db NEU.sqlite sync --hub URL (docs/hub.md)</translation>
    </message>
    <message>
        <source>nothing was charted on it since it was restored</source>
        <extracomment>Audit rows a restore and the backups around it write: a file restored from an old backup, with only these after the place it parts from the hub&apos;s record of it, was restored, not copied and charted on.</extracomment>
        <translation>seit der Wiederherstellung wurde nichts darin dokumentiert</translation>
    </message>
    <message>
        <source>audit row {row} of chart {chart} differs</source>
        <translation>Audit-Zeile {row} der Kurve {chart} weicht ab</translation>
    </message>
    <message>
        <source>it holds fewer audit rows than it sent</source>
        <translation>sie enthält weniger Audit-Zeilen, als sie gesendet hat</translation>
    </message>
    <message>
        <source>its own audit row {row} is missing here; {sender}</source>
        <translation>ihre eigene Audit-Zeile {row} fehlt hier; {sender}</translation>
    </message>
    <message>
        <source>{table} holds fewer rows than were sent; {sender}</source>
        <translation>{table} enthält weniger Zeilen, als gesendet wurden; {sender}</translation>
    </message>
    <message>
        <source>who sent it is not known</source>
        <translation>wer sie gesendet hat, ist nicht bekannt</translation>
    </message>
    <message>
        <source>the hub received it from replica {sender}, role {role}</source>
        <translation>der Hub hat sie von Replikat {sender} erhalten, Rolle {role}</translation>
    </message>
    <message>
        <source>{where} says it holds this chart&apos;s {table} through row {row}, but lacks that row: the hub was altered (a push mark written by hand); nothing was sent</source>
        <translation>{where} gibt an, {table} dieser Kurve bis Zeile {row} zu enthalten, doch diese Zeile fehlt: der Hub wurde verändert (eine von Hand geschriebene Übertragungsmarke); nichts wurde gesendet</translation>
    </message>
    <message>
        <source>audit row {row} of chart {chart} does not extend it</source>
        <translation>Audit-Zeile {row} der Kurve {chart} setzt sie nicht fort</translation>
    </message>
    <message>
        <source>audit row {row} of chart {chart} does not match its hash</source>
        <translation>Audit-Zeile {row} der Kurve {chart} passt nicht zu ihrem Hash</translation>
    </message>
    <message>
        <source>{table} record {record} differs between this chart and {where}: corruption or tampering; nothing more was sent</source>
        <extracomment>Record rows of one table in a whole write: (table, columns, rows with rowid first, the push mark after them).</extracomment>
        <translation>{table}-Eintrag {record} unterscheidet sich zwischen dieser Kurve und {where}: Beschädigung oder Manipulation; nichts weiter wurde gesendet</translation>
    </message>
    <message>
        <source>audit row {row} of chart {chart} differs between this chart and {where}: corruption or tampering; nothing more was sent</source>
        <translation>Audit-Zeile {row} der Kurve {chart} unterscheidet sich zwischen dieser Kurve und {where}: Beschädigung oder Manipulation; nichts weiter wurde gesendet</translation>
    </message>
    <message>
        <source>{refused}; the hub received that row from role {role}</source>
        <translation>{refused}; der Hub hat diese Zeile von der Rolle {role} erhalten</translation>
    </message>
    <message>
        <source>a record from {where} was refused by this chart ({error}); nothing of the batch was written</source>
        <translation>ein Eintrag von {where} wurde von dieser Kurve abgelehnt ({error}); nichts aus dem Stapel wurde geschrieben</translation>
    </message>
    <message>
        <source>{where} holds {name} records this chart has no place for: open it with this wardchart first (it upgrades the file); nothing of the batch was written</source>
        <translation>{where} enthält {name}-Einträge, für die diese Kurve keinen Platz hat: öffnen Sie sie bitte zuerst mit diesem wardchart (es aktualisiert die Datei); nichts aus dem Stapel wurde geschrieben</translation>
    </message>
</context>
<context>
    <name>MachineFile</name>
    <message>
        <source>machine configuration {path}: {key}: {reason}</source>
        <extracomment>Ward settings the machine file may fix (those that change clinical output or headers). The languages the window may be fixed to (those wardchart ships: wardchart/i18n.py). The chart&apos;s folder belongs to a group of OS users: files are group read/write. Ward settings as text, validated. The window&apos;s language for every user of this computer (&quot;en&quot;, &quot;de&quot;); None: theirs.</extracomment>
        <translation>Rechnerkonfiguration {path}: {key}: {reason}</translation>
    </message>
    <message>
        <source>machine configuration {path}: not valid TOML ({error})</source>
        <translation>Rechnerkonfiguration {path}: kein gültiges TOML ({error})</translation>
    </message>
    <message>
        <source>unknown key; known: {keys}</source>
        <translation>unbekannter Schlüssel; bekannt: {keys}</translation>
    </message>
    <message>
        <source>give the chart file&apos;s full path as a string</source>
        <translation>geben Sie bitte den vollständigen Pfad der Kurvendatei als Zeichenkette an</translation>
    </message>
    <message>
        <source>{path} is not a full path</source>
        <translation>{path} ist kein vollständiger Pfad</translation>
    </message>
    <message>
        <source>give true or false</source>
        <translation>geben Sie bitte true oder false an</translation>
    </message>
    <message>
        <source>a shared chart folder needs chart = the chart file&apos;s path</source>
        <translation>ein gemeinsamer Kurvenordner braucht chart = Pfad der Kurvendatei</translation>
    </message>
    <message>
        <source>give the hub&apos;s address as a string: postgresql://HOST/DATABASE or service=NAME</source>
        <translation>geben Sie bitte die Adresse des Hubs als Zeichenkette an: postgresql://HOST/DATABASE oder service=NAME</translation>
    </message>
    <message>
        <source>give the value as a quoted string</source>
        <translation>geben Sie bitte den Wert als Zeichenkette in Anführungszeichen an</translation>
    </message>
    <message>
        <source>{key} cannot be locked; lockable: {keys}</source>
        <translation>{key} kann nicht festgelegt werden; festlegbar: {keys}</translation>
    </message>
    <message>
        <source>{key} is locked but not given a value in the file</source>
        <translation>{key} ist festgelegt, hat in der Datei aber keinen Wert</translation>
    </message>
    <message>
        <source>give true, or a list of keys such as [&quot;chart&quot;, &quot;fn_rule&quot;]</source>
        <translation>geben Sie bitte true oder eine Liste von Schlüsseln wie [&quot;chart&quot;, &quot;fn_rule&quot;] an</translation>
    </message>
    <message>
        <source>machine configuration {path}: cannot be read: {strerror}</source>
        <translation>Rechnerkonfiguration {path}: kann nicht gelesen werden: {strerror}</translation>
    </message>
    <message>
        <source>machine configuration {path}: cannot be read: {why}</source>
        <translation>Rechnerkonfiguration {path}: kann nicht gelesen werden: {why}</translation>
    </message>
    <message>
        <source>{key}: is fixed for this computer by {path} ({key} = {value}); ask IT to change it there; nothing was saved</source>
        <translation>{key}: ist für diesen Computer durch {path} festgelegt ({key} = {value}); bitten Sie die IT, es dort zu ändern; nichts wurde gespeichert</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>give a reason for the resolution</source>
        <extracomment>The record&apos;s stable id (a ward setting: its key). The chart id of the replica that wrote it (None: written before chart ids). Whether this is the version the chart shows (see docs/merging.md). The version&apos;s values in one line (&quot;bed=4A-01, name=Alpha, Ann&quot;). What the conflict is about, in words: &quot;MRN 42&quot;, &quot;bed 4A-01&quot;, &quot;cycle 3&quot;. The records whose history branched: a version corrected twice (each record has one first version, so two current versions of one record mean a branch somewhere). Read from the index of corrections alone, which holds only the versions that correct.</extracomment>
        <translation>geben Sie bitte einen Grund für die Auflösung an</translation>
    </message>
    <message>
        <source>no open conflict with this key</source>
        <translation>kein offener Konflikt mit diesem Schlüssel</translation>
    </message>
    <message>
        <source>give the corrected values</source>
        <translation>geben Sie bitte die korrigierten Werte an</translation>
    </message>
    <message>
        <source>one MRN on two patients: link them, or correct one</source>
        <translation>eine MRN bei zwei Patienten: verknüpfen Sie sie oder korrigieren Sie einen</translation>
    </message>
    <message>
        <source>choose one of the conflict&apos;s versions</source>
        <translation>wählen Sie bitte eine der Versionen des Konflikts</translation>
    </message>
    <message>
        <source>nothing is shown: keep one of the records to show it again</source>
        <translation>nichts wird angezeigt: behalten Sie bitte einen der Einträge, um ihn wieder anzuzeigen</translation>
    </message>
    <message>
        <source>choose one of the conflict&apos;s records</source>
        <translation>wählen Sie bitte einen der Einträge des Konflikts</translation>
    </message>
    <message>
        <source>only two records of one MRN can be linked</source>
        <translation>nur zwei Einträge mit einer MRN können verknüpft werden</translation>
    </message>
    <message>
        <source>choose the patient record to keep</source>
        <translation>wählen Sie bitte den zu behaltenden Patienteneintrag</translation>
    </message>
    <message>
        <source>keep, new_version or link</source>
        <translation>keep, new_version oder link</translation>
    </message>
    <message>
        <source>chart file {path} has no chart id; open it again</source>
        <extracomment>Tables merged as a union of rows by id, in an order that puts what a row refers to first (foreign keys are checked at the end of the transaction in any case). The column that identifies a row of each merged table (default ``id``). Audit actions that write a version, and the table each version is in. The column a table&apos;s audit rows name its records by (default ``id``). Values bound in one SQLite statement, at most. While merging, both files are read through memory-mapped I/O (plain SQLite files; an encrypted one is read as usual): the check and the comparison of every row both files hold read whole files, and mapped pages are read without copying them. The row refused, when one is named (table, record id): a hub names who sent it. The other file&apos;s chart id, and this one&apos;s. Rows added, by table (``audit_log`` too); first versions of records, by table. Rows of the other file this chart already held, by table. Every open conflict after the merge, and those the merge made.</extracomment>
        <translation>Kurvendatei {path} hat keine Kurven-ID; öffnen Sie sie bitte erneut</translation>
    </message>
    <message>
        <source>{other_path} cannot be merged into {path}: {error}; nothing was changed</source>
        <translation>{other_path} kann nicht mit {path} zusammengeführt werden: {error}; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other_path} belongs to another ward than {path} (its ward {other_ward}, this chart&apos;s ward {ward}); nothing was changed</source>
        <translation>{other_path} gehört zu einer anderen Station als {path} (dessen Station {other_ward}, Station dieser Kurve {ward}); nichts wurde geändert</translation>
    </message>
    <message>
        <source>no chart file at {other}; nothing was changed</source>
        <translation>keine Kurvendatei unter {other}; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} is not a chart file; nothing was changed</source>
        <translation>{other} ist keine Kurvendatei; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} is this chart file itself; nothing was changed</source>
        <translation>{other} ist diese Kurvendatei selbst; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} is encrypted, or is not a wardchart chart file: give its passphrase; nothing was changed</source>
        <translation>{other} ist verschlüsselt oder keine wardchart-Kurvendatei: geben Sie bitte ihre Passphrase an; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other}: wrong passphrase, or not a wardchart chart file; nothing was changed</source>
        <translation>{other}: falsche Passphrase oder keine wardchart-Kurvendatei; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} cannot be read ({error}); nothing was changed</source>
        <translation>{other} kann nicht gelesen werden ({error}); nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} is not a wardchart chart file; nothing was changed</source>
        <translation>{other} ist keine wardchart-Kurvendatei; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} was made by a newer wardchart; merge it with that version or newer; nothing was changed</source>
        <translation>{other} wurde mit einem neueren wardchart erstellt; führen Sie bitte mit dieser oder einer neueren Version zusammen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} was made by an older wardchart: open it once with this one (which upgrades it), then merge; nothing was changed</source>
        <translation>{other} wurde mit einem älteren wardchart erstellt: einmal mit diesem öffnen (das sie aktualisiert), dann zusammenführen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} is damaged ({what}); nothing was changed</source>
        <translation>{other} ist beschädigt ({what}); nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} has no chart id; nothing was changed</source>
        <translation>{other} hat keine Kurven-ID; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} is damaged ({error}); nothing was changed</source>
        <translation>{other} ist beschädigt ({error}); nichts wurde geändert</translation>
    </message>
    <message>
        <source>{source} is damaged: {count} {table} rows correct versions it does not hold; nothing was changed</source>
        <extracomment>Rows added, by table (``audit_log`` too); first versions of records, by table. Rows of the other side this chart already held, by table.</extracomment>
        <translation>{source} ist beschädigt: {count} Zeilen in {table} korrigieren Versionen, die sie nicht enthält; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other} and this chart both hold {table} row {row} with different content: one of the files was altered or is damaged (run wardchart check on both); nothing was changed</source>
        <extracomment>The rows of the other file&apos;s table at hand that this chart lacks, or holds with other content (``shared``), by rowid in the other file: filled by ``_compare``, read by ``_insert``; a temporary table of this connection only, emptied for each table.</extracomment>
        <translation>{other} und diese Kurve enthalten beide die Zeile {row} in {table} mit unterschiedlichem Inhalt: eine der Dateien wurde verändert oder ist beschädigt (führen Sie wardchart check auf beiden aus); nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other_path} and this chart both hold audit row {row} of chart {chart} with different content: one of the files was altered; nothing was changed</source>
        <translation>{other_path} und diese Kurve enthalten beide die Audit-Zeile {row} der Kurve {chart} mit unterschiedlichem Inhalt: eine der Dateien wurde verändert; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{other_path} is damaged or was altered: its audit row {position} of chart {chart} does not fit its chain; nothing was changed</source>
        <translation>{other_path} ist beschädigt oder wurde verändert: ihre Audit-Zeile {position} der Kurve {chart} passt nicht in ihre Kette; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{source} is damaged or was altered: {table} row {row} has no audit row; nothing was changed</source>
        <translation>{source} ist beschädigt oder wurde verändert: Zeile {row} in {table} hat keine Audit-Zeile; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{source} is damaged or was altered: it holds an audit row of a {table} version it does not hold (record {record}); nothing was changed</source>
        <translation>{source} ist beschädigt oder wurde verändert: sie enthält eine Audit-Zeile einer {table}-Version, die sie nicht enthält (Eintrag {record}); nichts wurde geändert</translation>
    </message>
    <message>
        <source>{out_path} already exists; choose a new file</source>
        <translation>{out_path} existiert bereits; wählen Sie bitte eine neue Datei</translation>
    </message>
</context>
<context>
    <name>Merging</name>
    <message>
        <source>patient details</source>
        <extracomment>A record&apos;s kind in a nurse&apos;s words.</extracomment>
        <translation>Patientendaten</translation>
    </message>
    <message>
        <source>cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>CBC</source>
        <translation>Blutbild</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>G-CSF dose</source>
        <translation>G-CSF-Gabe</translation>
    </message>
    <message>
        <source>precautions</source>
        <translation>Schutzmaßnahmen</translation>
    </message>
    <message>
        <source>regimen</source>
        <translation>Therapieschema</translation>
    </message>
    <message>
        <source>account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>ward setting</source>
        <translation>Stationseinstellung</translation>
    </message>
    <message>
        <source>{record} taken {when}</source>
        <extracomment>A record corrected apart, by when it was taken or given: &quot;CBC taken 2026-03-02 08:30&quot;.</extracomment>
        <translation>{record} abgenommen {when}</translation>
    </message>
    <message>
        <source>{record} given {when}</source>
        <translation>{record} gegeben {when}</translation>
    </message>
    <message>
        <source>{record} day 1 {when}</source>
        <translation>{record} Tag 1 {when}</translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <source>cannot be used: {strerror}</source>
        <translation>kann nicht verwendet werden: {strerror}</translation>
    </message>
    <message>
        <source>is a folder, not a chart file</source>
        <extracomment>What a chart file&apos;s path is instead, after the path: &quot;/tmp is a folder, …&quot;.</extracomment>
        <translation>ist ein Ordner, keine Kurvendatei</translation>
    </message>
    <message>
        <source>is a named pipe, not a chart file</source>
        <translation>ist eine benannte Pipe, keine Kurvendatei</translation>
    </message>
    <message>
        <source>is a device, not a chart file</source>
        <translation>ist ein Gerät, keine Kurvendatei</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>ist keine normale Datei</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>manage accounts</source>
        <extracomment>How a file with accounts learns who is charting: given the open chart, sign in there (every try is audited) and return the account; None when the person gave up. The role that may manage accounts, ward settings and the regimen library, restore backups and encrypt or decrypt the file (docs/accounts.md). What each action only a ward administrator may do is called in &quot;only a ward administrator can …&quot; (each a phrase of its own, translated as a whole).</extracomment>
        <translation>Konten verwalten</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>eine Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>encrypt or decrypt</source>
        <translation>ver- oder entschlüsseln</translation>
    </message>
    <message>
        <source>only a ward administrator can {doing}</source>
        <translation>nur ein Stationsadministrator darf: {doing}</translation>
    </message>
    <message>
        <source>this conflict is no longer open</source>
        <extracomment>Bookkeeping left out of a version&apos;s values as people read them. The corrections that can settle a conflict as its new version (the correction dialogs&apos;).</extracomment>
        <translation>dieser Konflikt ist nicht mehr offen</translation>
    </message>
    <message>
        <source>give the corrected values</source>
        <translation>geben Sie bitte die korrigierten Werte an</translation>
    </message>
    <message>
        <source>choose one of the conflict&apos;s records</source>
        <translation>wählen Sie bitte einen der Einträge des Konflikts</translation>
    </message>
    <message>
        <source>chart file {path} was not opened: no passphrase given</source>
        <extracomment>How an encrypted chart&apos;s passphrase is asked for: ``(path, why)`` → the passphrase, or None when the person gave up.</extracomment>
        <translation>Kurvendatei {path} wurde nicht geöffnet: keine Passphrase angegeben</translation>
    </message>
    <message>
        <source>chart file {path}: {times} a wrong passphrase; nothing was changed</source>
        <translation>Kurvendatei {path}: {times} eine falsche Passphrase; nichts wurde geändert</translation>
    </message>
    <message>
        <source>twice</source>
        <translation>zweimal</translation>
    </message>
    <message>
        <source>three times</source>
        <translation>dreimal</translation>
    </message>
    <message>
        <source>{tries} times</source>
        <translation>{tries}-mal</translation>
    </message>
    <message>
        <source>decryption</source>
        <translation>Entschlüsselung</translation>
    </message>
    <message>
        <source>encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>chart file {path}: an {job} of it and its backups was interrupted; finish it first with wardchart {pending}; nothing was done</source>
        <translation>Kurvendatei {path}: eine {job} der Datei und ihrer Sicherungen wurde unterbrochen; schließen Sie sie zuerst mit wardchart {pending} ab; nichts wurde getan</translation>
    </message>
    <message>
        <source>chart file {path}: nobody signed in; nothing was done</source>
        <translation>Kurvendatei {path}: niemand ist angemeldet; nichts wurde getan</translation>
    </message>
    <message>
        <source>{source}: nobody signed in; nothing was done</source>
        <translation>{source}: niemand ist angemeldet; nichts wurde getan</translation>
    </message>
    <message>
        <source>change the regimen library</source>
        <extracomment>Every change the session can save.</extracomment>
        <translation>die Bibliothek der Therapieschemata ändern</translation>
    </message>
    <message>
        <source>change the ward setting {key}</source>
        <translation>die Stationseinstellung {key} ändern</translation>
    </message>
</context>
</TS>
