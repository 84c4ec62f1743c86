<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountCommand</name>
    <message>
        <source>new password for {username}</source>
        <translation>neues Passwort für {username}</translation>
    </message>
    <message>
        <source>Added account {account}</source>
        <translation>Konto angelegt: {account}</translation>
    </message>
    <message>
        <source>No accounts: entries are recorded as the operating-system user.</source>
        <translation>Keine Konten: Einträge werden unter dem Benutzer des Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <source>Changed account {account}</source>
        <translation>Konto geändert: {account}</translation>
    </message>
</context>
<context>
    <name>CensusTable</name>
    <message>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>Latest ANC</source>
        <translation>Letzte ANC</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grad</translation>
    </message>
    <message>
        <source>Nadir</source>
        <translation>Nadir</translation>
    </message>
    <message>
        <source>Next cycle</source>
        <translation>Nächster Zyklus</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Hinweise</translation>
    </message>
</context>
<context>
    <name>ChartText</name>
    <message>
        <source>{name}  MRN {mrn}  DOB {dob} (age {age})  bed {bed}</source>
        <extracomment>Width of a wrapped Values column in ``wardchart history``.</extracomment>
        <translation>{name}  MRN {mrn}  geb. {dob} ({age} J.)  Bett {bed}</translation>
    </message>
    <message>
        <source>Grades: CTCAE v{version}; fever rule: {rule}</source>
        <translation>Grade: CTCAE v{version}; Fieberregel: {rule}</translation>
    </message>
    <message>
        <source>Higher risk: {factors}</source>
        <translation>Erhöhtes Risiko: {factors}</translation>
    </message>
    <message>
        <source>Neutropenic precautions: ON</source>
        <translation>Neutropenie-Schutzmaßnahmen: AN</translation>
    </message>
    <message>
        <source>Neutropenic precautions: off</source>
        <translation>Neutropenie-Schutzmaßnahmen: aus</translation>
    </message>
    <message>
        <source>Before the first cycle</source>
        <translation>Vor dem ersten Zyklus</translation>
    </message>
    <message>
        <source>(calc)</source>
        <translation>(ber.)</translation>
    </message>
    <message>
        <source>PRELIMINARY</source>
        <translation>VORLÄUFIG</translation>
    </message>
    <message>
        <source>Cycle {number} — {regimen}, day 1 {day1}, expected nadir days {start}–{end}</source>
        <translation>Zyklus {number} – {regimen}, Tag 1 {day1}, erwarteter Nadir Tag {start}–{end}</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Abnahme</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>WBC</source>
        <translation>Leuko</translation>
    </message>
    <message>
        <source>ANC</source>
        <translation>ANC</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grad</translation>
    </message>
    <message>
        <source>Lowest so far: ANC {anc} on day {day}{grade}</source>
        <translation>Bisher niedrigste: ANC {anc} an Tag {day}{grade}</translation>
    </message>
    <message>
        <source>Nadir: ANC {anc} on day {day}{grade}</source>
        <translation>Nadir: ANC {anc} an Tag {day}{grade}</translation>
    </message>
    <message>
        <source>Recovery (ANC ≥ {anc}): day {day}</source>
        <translation>Erholung (ANC ≥ {anc}): Tag {day}</translation>
    </message>
    <message>
        <source>Next cycle: {status} — {reason}</source>
        <translation>Nächster Zyklus: {status} – {reason}</translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation>Alarme:</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>{check}: OK — {detail}</source>
        <translation>{check}: OK – {detail}</translation>
    </message>
    <message>
        <source>{check}: FAILED — {detail}</source>
        <translation>{check}: FEHLER – {detail}</translation>
    </message>
    <message>
        <source>none yet: it takes the ward of the first hub it syncs with</source>
        <translation>noch keine: sie übernimmt die Station des ersten Hubs, mit dem sie synchronisiert</translation>
    </message>
    <message>
        <source>; this chart&apos;s replica id {replica}</source>
        <translation>; Replikat-ID dieser Kurve {replica}</translation>
    </message>
    <message>
        <source>ward</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>ward hub</source>
        <translation>Stations-Hub</translation>
    </message>
    <message>
        <source>not asked: {reason}</source>
        <translation>nicht gefragt: {reason}</translation>
    </message>
    <message>
        <source>BROKEN: {problem}</source>
        <translation>UNTERBROCHEN: {problem}</translation>
    </message>
    <message>
        <source>OK: {detail}</source>
        <translation>OK: {detail}</translation>
    </message>
    <message>
        <source>OK: {count} audit rows, chain intact, every record audited</source>
        <translation>OK: {count} Audit-Zeilen, Kette intakt, jeder Eintrag protokolliert</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>CommandWords</name>
    <message>
        <source>before</source>
        <extracomment>Words the domain keeps and compares in English (a census row&apos;s nadir status, whether the next cycle may start, its flags), shown in the command line&apos;s language. A word the domain marks itself is translated by ``shown``.</extracomment>
        <translation>davor</translation>
    </message>
    <message>
        <source>in window</source>
        <translation>im Fenster</translation>
    </message>
    <message>
        <source>past</source>
        <translation>vorbei</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>nicht bereit</translation>
    </message>
    <message>
        <source>no count</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>no platelet count</source>
        <translation>keine Thrombozyten</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>nicht erforderlich</translation>
    </message>
    <message>
        <source>FN alert</source>
        <translation>FN-Alarm</translation>
    </message>
    <message>
        <source>possible FN</source>
        <translation>mögliche FN</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>no CBC 24 h</source>
        <translation>kein Blutbild seit 24 h</translation>
    </message>
    <message>
        <source>precautions</source>
        <translation>Schutzmaßnahmen</translation>
    </message>
    <message>
        <source>age≥65</source>
        <translation>Alter≥65</translation>
    </message>
    <message>
        <source>age&lt;18</source>
        <translation>Alter&lt;18</translation>
    </message>
    <message>
        <source>marrow</source>
        <translation>Knochenmark</translation>
    </message>
    <message>
        <source>immune</source>
        <translation>Immunstörung</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Demo ward of {count} patients written to {path}</source>
        <translation>Demo-Station mit {count} Patienten in {path} geschrieben</translation>
    </message>
    <message>
        <source>Admitted {name} (MRN {mrn})</source>
        <translation>{name} (MRN {mrn}) aufgenommen</translation>
    </message>
    <message>
        <source>No patients yet. Admit one with: wardchart patient add --mrn MRN --name NAME --dob YYYY-MM-DD   (or try the demo ward: wardchart demo --db demo.sqlite)</source>
        <translation>Noch keine Patienten. Aufnehmen mit: wardchart patient add --mrn MRN --name NAME --dob JJJJ-MM-TT   (oder die Demo-Station ausprobieren: wardchart demo --db demo.sqlite)</translation>
    </message>
    <message>
        <source>Cycle {number} of {regimen} started for MRN {mrn}, day 1 {day1}</source>
        <translation>Zyklus {number} mit {regimen} für MRN {mrn} begonnen, Tag 1 {day1}</translation>
    </message>
    <message>
        <source>Recorded CBC for MRN {mrn}</source>
        <translation>Blutbild für MRN {mrn} eingetragen</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <source>no ANC</source>
        <translation>keine ANC</translation>
    </message>
    <message>
        <source>ANC {anc} ×10⁹/L ({source})</source>
        <translation>ANC {anc} ×10⁹/L ({source})</translation>
    </message>
    <message>
        <source>Recorded CBC for MRN {mrn}: {result}</source>
        <translation>Blutbild für MRN {mrn} eingetragen: {result}</translation>
    </message>
    <message>
        <source>FEBRILE NEUTROPENIA</source>
        <translation>FEBRILE NEUTROPENIE</translation>
    </message>
    <message>
        <source>POSSIBLE FEBRILE NEUTROPENIA (no recent ANC)</source>
        <translation>MÖGLICHE FEBRILE NEUTROPENIE (keine aktuelle ANC)</translation>
    </message>
    <message>
        <source>Suspected neutropenic fever is an emergency: escalate now; empirical antibiotics within 1 hour of triage (ASCO/IDSA 2018).</source>
        <translation>Verdacht auf neutropenisches Fieber ist ein Notfall: sofort eskalieren; empirische Antibiotikagabe innerhalb von 1 Stunde nach Triage (ASCO/IDSA 2018).</translation>
    </message>
    <message>
        <source>Recorded temperature {value} °{unit} for MRN {mrn}</source>
        <translation>Temperatur {value} °{unit} für MRN {mrn} eingetragen</translation>
    </message>
    <message>
        <source>Recorded {drug} for MRN {mrn}</source>
        <translation>{drug} für MRN {mrn} eingetragen</translation>
    </message>
    <message>
        <source>Neutropenic precautions set for MRN {mrn}</source>
        <translation>Neutropenie-Schutzmaßnahmen für MRN {mrn} gesetzt</translation>
    </message>
    <message>
        <source>Neutropenic precautions cleared for MRN {mrn}</source>
        <translation>Neutropenie-Schutzmaßnahmen für MRN {mrn} aufgehoben</translation>
    </message>
    <message>
        <source>this chart file has no accounts yet; leave out --user</source>
        <translation>diese Kurvendatei hat noch keine Konten; lassen Sie --user weg</translation>
    </message>
    <message>
        <source>this chart file has accounts: sign in with --user NAME (password from WARDCHART_PASSWORD or the prompt)</source>
        <translation>diese Kurvendatei hat Konten: melden Sie sich mit --user NAME an (Passwort aus WARDCHART_PASSWORD oder der Eingabeaufforderung)</translation>
    </message>
    <message>
        <source>password for {user}</source>
        <translation>Passwort für {user}</translation>
    </message>
    <message>
        <source>passphrase for {file}</source>
        <translation>Passphrase für {file}</translation>
    </message>
    <message>
        <source>chart file {path} is encrypted, or damaged, or not a chart file: if it is encrypted, set WARDCHART_PASSPHRASE or run this in a terminal; it was left untouched</source>
        <translation>Kurvendatei {path} ist verschlüsselt, beschädigt oder keine Kurvendatei: falls sie verschlüsselt ist, setzen Sie WARDCHART_PASSPHRASE oder führen Sie dies in einem Terminal aus; sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>no {field}: set {variable} or run this in a terminal</source>
        <translation>kein(e) {field}: setzen Sie {variable} oder führen Sie dies in einem Terminal aus</translation>
    </message>
    <message>
        <source>the same again: </source>
        <translation>noch einmal dasselbe: </translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>die beiden Passwörter stimmen nicht überein</translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation>die beiden Passphrasen stimmen nicht überein</translation>
    </message>
    <message>
        <source>is empty; give a file name</source>
        <translation>ist leer; geben Sie einen Dateinamen an</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>der Ordner {folder} existiert nicht</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}; nothing was saved</source>
        <translation>{path} kann nicht geschrieben werden: {reason}; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>{value} is not a whole number (digits 0-9, at most 4)</source>
        <translation>{value} ist keine ganze Zahl (Ziffern 0-9, höchstens 4)</translation>
    </message>
    <message>
        <source>--db: is empty; give the chart file&apos;s path</source>
        <extracomment>Domain field names → the flag a person typed.</extracomment>
        <translation>--db: ist leer; geben Sie den Pfad der Kurvendatei an</translation>
    </message>
    <message>
        <source>--db: {path} {problem}</source>
        <translation>--db: {path} {problem}</translation>
    </message>
    <message>
        <source>unexpected {error}: {detail}; details in {log}</source>
        <translation>unerwarteter Fehler {error}: {detail}; Details in {log}</translation>
    </message>
    <message>
        <source>unexpected {error}: {detail}; nothing more was saved; details in {log}</source>
        <translation>unerwarteter Fehler {error}: {detail}; nichts weiter wurde gespeichert; Details in {log}</translation>
    </message>
    <message>
        <source>what was entered WAS saved, but the command failed after saving it ({detail}); do not enter it again</source>
        <translation>das Eingegebene WURDE gespeichert, aber der Befehl schlug nach dem Speichern fehl ({detail}); geben Sie es nicht noch einmal ein</translation>
    </message>
    <message>
        <source>{warnings}; if the values are right, add --confirm</source>
        <extracomment>Whether this run opens the window: a failure before it shows is then shown in a dialog.</extracomment>
        <translation>{warnings}; wenn die Werte stimmen, fügen Sie --confirm hinzu</translation>
    </message>
    <message>
        <source>Backup written and verified: {path} ({size} bytes)</source>
        <translation>Sicherung geschrieben und geprüft: {path} ({size} Bytes)</translation>
    </message>
    <message>
        <source>No backups yet beside {path}</source>
        <translation>Noch keine Sicherungen neben {path}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>NO — damaged</source>
        <translation>NEIN – beschädigt</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>no backup file {path}</source>
        <translation>keine Sicherungsdatei {path}</translation>
    </message>
    <message>
        <source>Restored {source} into {chart}; the previous contents were saved as {saved}</source>
        <translation>{source} in {chart} wiederhergestellt; der vorherige Inhalt wurde als {saved} gesichert</translation>
    </message>
    <message>
        <source>neither the chart file nor {source} can be read to check who may restore ({error}); nothing was restored</source>
        <translation>weder die Kurvendatei noch {source} lässt sich lesen, um zu prüfen, wer wiederherstellen darf ({error}); nichts wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>an interrupted encryption of {path} must be finished first: run wardchart encrypt again; nothing was done</source>
        <translation>eine unterbrochene Verschlüsselung von {path} muss zuerst abgeschlossen werden: führen Sie wardchart encrypt erneut aus; nichts wurde getan</translation>
    </message>
    <message>
        <source>an interrupted decryption of {path} must be finished first: run wardchart decrypt again; nothing was done</source>
        <translation>eine unterbrochene Entschlüsselung von {path} muss zuerst abgeschlossen werden: führen Sie wardchart decrypt erneut aus; nichts wurde getan</translation>
    </message>
    <message>
        <source>{path} is already encrypted; nothing was done</source>
        <translation>{path} ist bereits verschlüsselt; nichts wurde getan</translation>
    </message>
    <message>
        <source>{path} is not encrypted; nothing was done</source>
        <translation>{path} ist nicht verschlüsselt; nichts wurde getan</translation>
    </message>
    <message>
        <source>new passphrase</source>
        <translation>neue Passphrase</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Encrypted {path} and 1 backup</source>
        <translation>{path} und 1 Sicherung verschlüsselt</translation>
    </message>
    <message>
        <source>Encrypted {path} and {count} backups</source>
        <translation>{path} und {count} Sicherungen verschlüsselt</translation>
    </message>
    <message>
        <source>Decrypted {path} and 1 backup</source>
        <translation>{path} und 1 Sicherung entschlüsselt</translation>
    </message>
    <message>
        <source>Decrypted {path} and {count} backups</source>
        <translation>{path} und {count} Sicherungen entschlüsselt</translation>
    </message>
    <message>
        <source>{path} does not end in .pdf</source>
        <translation>{path} endet nicht auf .pdf</translation>
    </message>
    <message>
        <source>cannot write to the folder {folder}</source>
        <translation>in den Ordner {folder} kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>MRN {mrn} has no cycle {number}</source>
        <translation>MRN {mrn} hat keinen Zyklus {number}</translation>
    </message>
    <message>
        <source>Wrote {path} (1 page)</source>
        <translation>{path} geschrieben (1 Seite)</translation>
    </message>
    <message>
        <source>Wrote {path} ({count} pages)</source>
        <translation>{path} geschrieben ({count} Seiten)</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>Corrected result {id} for MRN {mrn}</source>
        <extracomment>The record kinds a person names (``--kind``), and where each is kept.</extracomment>
        <translation>Befund {id} für MRN {mrn} korrigiert</translation>
    </message>
    <message>
        <source>Corrected temperature {id} for MRN {mrn}</source>
        <translation>Temperatur {id} für MRN {mrn} korrigiert</translation>
    </message>
    <message>
        <source>Corrected G-CSF dose {id} for MRN {mrn}</source>
        <translation>G-CSF-Gabe {id} für MRN {mrn} korrigiert</translation>
    </message>
    <message>
        <source>Corrected cycle {number} for MRN {mrn}</source>
        <translation>Zyklus {number} für MRN {mrn} korrigiert</translation>
    </message>
    <message>
        <source>Corrected the details of MRN {mrn}</source>
        <translation>Angaben zu MRN {mrn} korrigiert</translation>
    </message>
    <message>
        <source>Marked result {id} entered in error</source>
        <translation>Befund {id} als irrtümlich eingetragen markiert</translation>
    </message>
    <message>
        <source>Marked temperature {id} entered in error</source>
        <translation>Temperatur {id} als irrtümlich eingetragen markiert</translation>
    </message>
    <message>
        <source>Marked gcsf {id} entered in error</source>
        <translation>G-CSF-Gabe {id} als irrtümlich eingetragen markiert</translation>
    </message>
    <message>
        <source>Marked cycle {id} entered in error</source>
        <translation>Zyklus {id} als irrtümlich eingetragen markiert</translation>
    </message>
    <message>
        <source>Marked precaution {id} entered in error</source>
        <translation>Schutzmaßnahme {id} als irrtümlich eingetragen markiert</translation>
    </message>
    <message>
        <source>Marked patient {id} entered in error</source>
        <translation>Patient {id} als irrtümlich eingetragen markiert</translation>
    </message>
    <message>
        <source>patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>cycles</source>
        <translation>Zyklen</translation>
    </message>
    <message>
        <source>results</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>temperatures</source>
        <translation>Temperaturen</translation>
    </message>
    <message>
        <source>gcsf_doses</source>
        <translation>G-CSF-Gaben</translation>
    </message>
    <message>
        <source>precautions</source>
        <translation>Schutzmaßnahmen</translation>
    </message>
    <message>
        <source>ENTERED IN ERROR</source>
        <translation>IRRTÜMLICH EINGETRAGEN</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>preliminary</source>
        <translation>vorläufig</translation>
    </message>
    <message>
        <source>final</source>
        <translation>endgültig</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>Gespeichert (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Record id (first 8)</source>
        <translation>Eintrags-ID (erste 8)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>{path} already holds charts; the demo is written only into a new, empty file</source>
        <extracomment>Example lab reference limits from docs/clinical-rules.md#lower-limit-of-normal-lln [5]: WBC 4–11, ANC 2–7.5 ×10⁹/L. Regimens of the shipped library the synthetic ward draws from, with the diagnoses.</extracomment>
        <translation>{path} enthält bereits Kurven; die Demo wird nur in eine neue, leere Datei geschrieben</translation>
    </message>
</context>
<context>
    <name>HubCommand</name>
    <message>
        <source>is empty; give the ward&apos;s PostgreSQL role</source>
        <translation>ist leer; geben Sie die PostgreSQL-Rolle der Station an</translation>
    </message>
    <message>
        <source>created {hub} (hub version {version})</source>
        <translation>{hub} angelegt (Hub-Version {version})</translation>
    </message>
    <message>
        <source>upgraded {hub} from hub version {before} to {version}</source>
        <translation>{hub} von Hub-Version {before} auf {version} aktualisiert</translation>
    </message>
    <message>
        <source>{hub} is already at hub version {version}; nothing to change</source>
        <translation>{hub} hat bereits Hub-Version {version}; nichts zu ändern</translation>
    </message>
    <message>
        <source>role {role} may read and add rows, never change or remove them</source>
        <translation>Rolle {role} darf Zeilen lesen und hinzufügen, nie ändern oder entfernen</translation>
    </message>
    <message>
        <source>the ward&apos;s id: {ward} (keep it with the hub&apos;s records: a hub made again after a loss needs it, docs/hub.md)</source>
        <translation>ID der Station: {ward} (mit den Unterlagen zum Hub aufbewahren: ein nach einem Verlust neu angelegter Hub braucht sie, docs/hub.md)</translation>
    </message>
    <message>
        <source>no computer&apos;s own role has sent to {hub} yet: every replica sends as the ward role</source>
        <translation>an {hub} hat noch keine eigene Rolle eines Computers gesendet: jedes Replikat sendet als Stationsrolle</translation>
    </message>
    <message>
        <source>{role} sends as replica {replica}, first seen {time} UTC</source>
        <translation>{role} sendet als Replikat {replica}, zuerst gesehen {time} UTC</translation>
    </message>
    <message>
        <source>no ward hub given: use --hub URL, set {variable}, or the ward setting hub (wardchart settings set hub URL)</source>
        <translation>kein Stations-Hub angegeben: verwenden Sie --hub URL, setzen Sie {variable} oder die Stationseinstellung hub (wardchart settings set hub URL)</translation>
    </message>
    <message>
        <source>this chart&apos;s history does not verify ({problem}): it was altered or damaged; nothing was sent to the ward hub (wardchart check; docs/hub.md)</source>
        <translation>der Verlauf dieser Kurve lässt sich nicht bestätigen ({problem}): er wurde verändert oder beschädigt; nichts wurde an den Stations-Hub gesendet (wardchart check; docs/hub.md)</translation>
    </message>
    <message>
        <source>in step with {hub}: sent {sent}, received {received}, conflicts to review {conflicts}</source>
        <translation>auf dem Stand von {hub}: gesendet {sent}, empfangen {received}, zu prüfende Konflikte {conflicts}</translation>
    </message>
    <message>
        <source>synced with {hub}: sent {sent}, received {received}, conflicts to review {conflicts}</source>
        <translation>mit {hub} abgeglichen: gesendet {sent}, empfangen {received}, zu prüfende Konflikte {conflicts}</translation>
    </message>
    <message>
        <source>({count} new)</source>
        <translation>({count} neu)</translation>
    </message>
    <message>
        <source>; 1 entry made meanwhile waits</source>
        <translation>; 1 inzwischen gemachter Eintrag wartet</translation>
    </message>
    <message>
        <source>; {count} entries made meanwhile wait</source>
        <translation>; {count} inzwischen gemachte Einträge warten</translation>
    </message>
</context>
<context>
    <name>Interop</name>
    <message>
        <source>message {control_id}</source>
        <translation>Nachricht {control_id}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Received (UTC)</source>
        <translation>Empfangen (UTC)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Why held</source>
        <translation>Warum zurückgehalten</translation>
    </message>
    <message>
        <source>No held laboratory results.</source>
        <translation>Keine zurückgehaltenen Laborbefunde.</translation>
    </message>
    <message>
        <source>applies to --format csv; JSON holds each whole chart</source>
        <translation>gilt für --format csv; JSON enthält jeweils die ganze Kurve</translation>
    </message>
    <message>
        <source>Exported 1 patient to {path}</source>
        <translation>1 Patient nach {path} exportiert</translation>
    </message>
    <message>
        <source>Exported {count} patients to {path}</source>
        <translation>{count} Patienten nach {path} exportiert</translation>
    </message>
    <message>
        <source>no file {path}</source>
        <translation>keine Datei {path}</translation>
    </message>
    <message>
        <source>Imported 1 result from {path}</source>
        <translation>1 Befund aus {path} importiert</translation>
    </message>
    <message>
        <source>Imported {count} results from {path}</source>
        <translation>{count} Befunde aus {path} importiert</translation>
    </message>
    <message>
        <source>; 1 already on the chart was skipped</source>
        <translation>; 1 bereits in der Kurve vorhandener wurde übersprungen</translation>
    </message>
    <message>
        <source>; {count} already on the chart were skipped</source>
        <translation>; {count} bereits in der Kurve vorhandene wurden übersprungen</translation>
    </message>
    <message>
        <source>charted (1 result)</source>
        <translation>eingetragen (1 Befund)</translation>
    </message>
    <message>
        <source>charted ({count} results)</source>
        <translation>eingetragen ({count} Befunde)</translation>
    </message>
    <message>
        <source>{file} message {index} ({control_id}) MRN {mrn}: {outcome}</source>
        <translation>{file} Nachricht {index} ({control_id}) MRN {mrn}: {outcome}</translation>
    </message>
    <message>
        <source>{file} message {index} ({control_id}): {outcome}</source>
        <translation>{file} Nachricht {index} ({control_id}): {outcome}</translation>
    </message>
    <message>
        <source>no control id</source>
        <translation>keine Kontroll-ID</translation>
    </message>
    <message>
        <source>1 message: {charted} charted, {held} held, {other} ignored or refused</source>
        <translation>1 Nachricht: {charted} eingetragen, {held} zurückgehalten, {other} ignoriert oder abgelehnt</translation>
    </message>
    <message>
        <source>{count} messages: {charted} charted, {held} held, {other} ignored or refused</source>
        <translation>{count} Nachrichten: {charted} eingetragen, {held} zurückgehalten, {other} ignoriert oder abgelehnt</translation>
    </message>
    <message>
        <source>Control id</source>
        <translation>Kontroll-ID</translation>
    </message>
    <message>
        <source>No held messages.</source>
        <translation>Keine zurückgehaltenen Nachrichten.</translation>
    </message>
    <message>
        <source>Exported 1 patient, {resources} resources to {path}</source>
        <translation>1 Patient, {resources} Ressourcen nach {path} exportiert</translation>
    </message>
    <message>
        <source>Exported {count} patients, {resources} resources to {path}</source>
        <translation>{count} Patienten, {resources} Ressourcen nach {path} exportiert</translation>
    </message>
    <message>
        <source>{file} entry {index} ({resource}) MRN {mrn}: {outcome}</source>
        <translation>{file} Eintrag {index} ({resource}) MRN {mrn}: {outcome}</translation>
    </message>
    <message>
        <source>{file} entry {index} ({resource}): {outcome}</source>
        <translation>{file} Eintrag {index} ({resource}): {outcome}</translation>
    </message>
    <message>
        <source>no resource</source>
        <translation>keine Ressource</translation>
    </message>
    <message>
        <source>1 entry: {charted} charted, {held} held, {ignored} ignored, {refused} refused</source>
        <translation>1 Eintrag: {charted} eingetragen, {held} zurückgehalten, {ignored} ignoriert, {refused} abgelehnt</translation>
    </message>
    <message>
        <source>{count} entries: {charted} charted, {held} held, {ignored} ignored, {refused} refused</source>
        <translation>{count} Einträge: {charted} eingetragen, {held} zurückgehalten, {ignored} ignoriert, {refused} abgelehnt</translation>
    </message>
    <message>
        <source>charted</source>
        <translation>eingetragen</translation>
    </message>
    <message>
        <source>held</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>Attached lab message {id} to MRN {mrn}: charted (1 result)</source>
        <translation>Labornachricht {id} MRN {mrn} zugeordnet: eingetragen (1 Befund)</translation>
    </message>
    <message>
        <source>Attached lab message {id} to MRN {mrn}: charted ({count} results)</source>
        <translation>Labornachricht {id} MRN {mrn} zugeordnet: eingetragen ({count} Befunde)</translation>
    </message>
    <message>
        <source>Dismissed lab message {id}; it stays in the chart file, not charted</source>
        <translation>Labornachricht {id} verworfen; sie bleibt in der Kurvendatei, nicht eingetragen</translation>
    </message>
</context>
<context>
    <name>MergeCommand</name>
    <message>
        <source>patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>regimens</source>
        <translation>Therapieschemata</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>cycles</source>
        <translation>Zyklen</translation>
    </message>
    <message>
        <source>blood counts</source>
        <translation>Blutbilder</translation>
    </message>
    <message>
        <source>temperatures</source>
        <translation>Temperaturen</translation>
    </message>
    <message>
        <source>G-CSF doses</source>
        <translation>G-CSF-Gaben</translation>
    </message>
    <message>
        <source>precautions</source>
        <translation>Schutzmaßnahmen</translation>
    </message>
    <message>
        <source>ward settings</source>
        <translation>Stationseinstellungen</translation>
    </message>
    <message>
        <source>laboratory messages</source>
        <translation>Labornachrichten</translation>
    </message>
    <message>
        <source>laboratory sources of counts</source>
        <translation>Laborquellen von Werten</translation>
    </message>
    <message>
        <source>FHIR entries</source>
        <translation>FHIR-Einträge</translation>
    </message>
    <message>
        <source>decisions on held laboratory messages</source>
        <translation>Entscheidungen zu zurückgehaltenen Labornachrichten</translation>
    </message>
    <message>
        <source>conflict resolutions</source>
        <translation>Konfliktauflösungen</translation>
    </message>
    <message>
        <source>versions set aside by resolutions</source>
        <translation>durch Auflösungen zurückgestellte Versionen</translation>
    </message>
    <message>
        <source>audit entries</source>
        <translation>Audit-Einträge</translation>
    </message>
    <message>
        <source>a record corrected apart on two charts</source>
        <extracomment>Each kind of conflict, in words.</extracomment>
        <translation>ein Eintrag, auf zwei Kurven getrennt korrigiert</translation>
    </message>
    <message>
        <source>a regimen changed apart on two charts</source>
        <translation>ein Therapieschema, auf zwei Kurven getrennt geändert</translation>
    </message>
    <message>
        <source>an account changed apart on two charts</source>
        <translation>ein Konto, auf zwei Kurven getrennt geändert</translation>
    </message>
    <message>
        <source>one MRN admitted as two patients</source>
        <translation>eine MRN als zwei Patienten aufgenommen</translation>
    </message>
    <message>
        <source>two cycles with one number</source>
        <translation>zwei Zyklen mit einer Nummer</translation>
    </message>
    <message>
        <source>one bed given to two patients</source>
        <translation>ein Bett an zwei Patienten vergeben</translation>
    </message>
    <message>
        <source>one user name on two accounts</source>
        <translation>ein Benutzername bei zwei Konten</translation>
    </message>
    <message>
        <source>a ward setting changed apart on two charts</source>
        <translation>eine Stationseinstellung, auf zwei Kurven getrennt geändert</translation>
    </message>
    <message>
        <source>charted twice, on two charts</source>
        <translation>doppelt eingetragen, auf zwei Kurven</translation>
    </message>
    <message>
        <source>two different counts at one collection time, on two charts</source>
        <translation>zwei verschiedene Blutbilder zu einem Abnahmezeitpunkt, auf zwei Kurven</translation>
    </message>
    <message>
        <source>resolved differently on two charts — nothing shown</source>
        <translation>auf zwei Kurven verschieden aufgelöst — nichts angezeigt</translation>
    </message>
    <message>
        <source>is empty; give the other chart file</source>
        <extracomment>The shortest prefix of a conflict key, a version id or a record id that is accepted.</extracomment>
        <translation>ist leer; geben Sie die andere Kurvendatei an</translation>
    </message>
    <message>
        <source>no chart file at {path}; nothing was changed</source>
        <translation>keine Kurvendatei unter {path}; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{path} is this chart file itself; nothing was changed</source>
        <translation>{path} ist diese Kurvendatei selbst; nichts wurde geändert</translation>
    </message>
    <message>
        <source>{path} is encrypted, or is not a wardchart chart file: if it is encrypted, set {variable} or run this in a terminal; nothing was changed</source>
        <translation>{path} ist verschlüsselt oder keine wardchart-Kurvendatei: falls sie verschlüsselt ist, setzen Sie {variable} oder führen Sie dies in einem Terminal aus; nichts wurde geändert</translation>
    </message>
    <message>
        <source>patient</source>
        <extracomment>The singular of each word above.</extracomment>
        <translation>Patient</translation>
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
        <source>cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>blood count</source>
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
        <source>precaution</source>
        <translation>Schutzmaßnahme</translation>
    </message>
    <message>
        <source>ward setting</source>
        <translation>Stationseinstellung</translation>
    </message>
    <message>
        <source>laboratory message</source>
        <translation>Labornachricht</translation>
    </message>
    <message>
        <source>laboratory source of a count</source>
        <translation>Laborquelle eines Wertes</translation>
    </message>
    <message>
        <source>FHIR entry</source>
        <translation>FHIR-Eintrag</translation>
    </message>
    <message>
        <source>decision on a held laboratory message</source>
        <translation>Entscheidung zu einer zurückgehaltenen Labornachricht</translation>
    </message>
    <message>
        <source>conflict resolution</source>
        <translation>Konfliktauflösung</translation>
    </message>
    <message>
        <source>version set aside by a resolution</source>
        <translation>durch eine Auflösung zurückgestellte Version</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>Audit-Eintrag</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Would merge {other} (chart {other_chart}) into {here} (chart {chart}) — a dry run: nothing was saved</source>
        <translation>Würde {other} (Kurve {other_chart}) mit {here} (Kurve {chart}) zusammenführen – ein Probelauf: nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>Merged {other} (chart {other_chart}) into {here} (chart {chart})</source>
        <translation>{other} (Kurve {other_chart}) mit {here} (Kurve {chart}) zusammengeführt</translation>
    </message>
    <message>
        <source>new records: {counts}</source>
        <translation>neue Einträge: {counts}</translation>
    </message>
    <message>
        <source>new corrections: {counts}</source>
        <translation>neue Korrekturen: {counts}</translation>
    </message>
    <message>
        <source>also new: {counts}; 1 audit entry</source>
        <translation>außerdem neu: {counts}; 1 Audit-Eintrag</translation>
    </message>
    <message>
        <source>also new: {counts}; {count} audit entries</source>
        <translation>außerdem neu: {counts}; {count} Audit-Einträge</translation>
    </message>
    <message>
        <source>already here: {count} entries of {file}</source>
        <translation>bereits hier: {count} Einträge aus {file}</translation>
    </message>
    <message>
        <source>conflicts: {new} new, {open} open in all — review them: wardchart conflicts</source>
        <translation>Konflikte: {new} neu, {open} insgesamt offen – prüfen Sie sie: wardchart conflicts</translation>
    </message>
    <message>
        <source>conflicts: {new} new, {open} open in all</source>
        <translation>Konflikte: {new} neu, {open} insgesamt offen</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file</source>
        <translation>{path} existiert bereits; wählen Sie eine neue Datei</translation>
    </message>
    <message>
        <source>this chart file is encrypted, so its copy must be too: add --encrypt</source>
        <translation>diese Kurvendatei ist verschlüsselt, also muss es ihre Kopie auch sein: fügen Sie --encrypt hinzu</translation>
    </message>
    <message>
        <source>Copied the chart to {path} (encrypted; its chart id {chart}). Bring it back with: wardchart merge {path}</source>
        <translation>Kurve nach {path} kopiert (verschlüsselt; ihre Kurven-ID {chart}). Zurückholen mit: wardchart merge {path}</translation>
    </message>
    <message>
        <source>Copied the chart to {path} (not encrypted; its chart id {chart}). Bring it back with: wardchart merge {path}</source>
        <translation>Kurve nach {path} kopiert (nicht verschlüsselt; ihre Kurven-ID {chart}). Zurückholen mit: wardchart merge {path}</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>Keine offenen Konflikte.</translation>
    </message>
    <message>
        <source>1 open conflict:</source>
        <translation>1 offener Konflikt:</translation>
    </message>
    <message>
        <source>{count} open conflicts:</source>
        <translation>{count} offene Konflikte:</translation>
    </message>
    <message>
        <source>{conflict}  [key {key}]</source>
        <translation>{conflict}  [Schlüssel {key}]</translation>
    </message>
    <message>
        <source>resolve: {how}</source>
        <translation>auflösen: {how}</translation>
    </message>
    <message>
        <source>{name} (MRN {mrn})</source>
        <translation>{name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>{kind} {record}</source>
        <translation>{kind} {record}</translation>
    </message>
    <message>
        <source>{conflict}: {subject} — patient {patient}</source>
        <translation>{conflict}: {subject} – Patient {patient}</translation>
    </message>
    <message>
        <source>{conflict}: {subject}</source>
        <translation>{conflict}: {subject}</translation>
    </message>
    <message>
        <source>SHOWN NOW</source>
        <translation>JETZT ANGEZEIGT</translation>
    </message>
    <message>
        <source>not shown</source>
        <translation>nicht angezeigt</translation>
    </message>
    <message>
        <source>chart {chart}</source>
        <translation>Kurve {chart}</translation>
    </message>
    <message>
        <source>this chart before chart ids</source>
        <translation>diese Kurve vor den Kurven-IDs</translation>
    </message>
    <message>
        <source>patient {patient}</source>
        <translation>Patient {patient}</translation>
    </message>
    <message>
        <source>version {version} of {what} (record {record}): {who}, {when}, on {where} — {now}</source>
        <translation>Version {version} von {what} (Eintrag {record}): {who}, {when}, auf {where} – {now}</translation>
    </message>
    <message>
        <source>wardchart conflicts resolve {key} --link RECORD --reason TEXT (one person), or --new-version RECORD --mrn RIGHT_MRN --reason TEXT</source>
        <translation>wardchart conflicts resolve {key} --link EINTRAG --reason TEXT (eine Person) oder --new-version EINTRAG --mrn RICHTIGE_MRN --reason TEXT</translation>
    </message>
    <message>
        <source>wardchart conflicts resolve {key} --keep VERSION --reason TEXT</source>
        <translation>wardchart conflicts resolve {key} --keep VERSION --reason TEXT</translation>
    </message>
    <message>
        <source>give at least the first {count} characters shown by wardchart conflicts</source>
        <translation>geben Sie mindestens die ersten {count} Zeichen an, die wardchart conflicts zeigt</translation>
    </message>
    <message>
        <source>no open conflict {prefix}; see wardchart conflicts</source>
        <extracomment>What a typed prefix names, for &quot;no … ID&quot; and &quot;ID names more than one …&quot;.</extracomment>
        <translation>kein offener Konflikt {prefix}; siehe wardchart conflicts</translation>
    </message>
    <message>
        <source>{prefix} names more than one open conflict; type more</source>
        <translation>{prefix} passt auf mehr als einen offenen Konflikt; geben Sie mehr Zeichen ein</translation>
    </message>
    <message>
        <source>no version of this conflict {prefix}; see wardchart conflicts</source>
        <translation>keine Version {prefix} in diesem Konflikt; siehe wardchart conflicts</translation>
    </message>
    <message>
        <source>{prefix} names more than one version of this conflict; type more</source>
        <translation>{prefix} passt auf mehr als eine Version dieses Konflikts; geben Sie mehr Zeichen ein</translation>
    </message>
    <message>
        <source>no record of this conflict {prefix}; see wardchart conflicts</source>
        <translation>kein Eintrag {prefix} in diesem Konflikt; siehe wardchart conflicts</translation>
    </message>
    <message>
        <source>{prefix} names more than one record of this conflict; type more</source>
        <translation>{prefix} passt auf mehr als einen Eintrag dieses Konflikts; geben Sie mehr Zeichen ein</translation>
    </message>
    <message>
        <source>give a reason for the resolution</source>
        <translation>geben Sie einen Grund für die Auflösung an</translation>
    </message>
    <message>
        <source>give the patient&apos;s right MRN with --mrn</source>
        <translation>geben Sie die richtige MRN des Patienten mit --mrn an</translation>
    </message>
    <message>
        <source>is empty; give the right MRN</source>
        <translation>ist leer; geben Sie die richtige MRN an</translation>
    </message>
    <message>
        <source>only with --new-version</source>
        <translation>nur mit --new-version</translation>
    </message>
    <message>
        <source>one MRN on two patients: --link RECORD if they are one person, else --new-version RECORD --mrn RIGHT_MRN</source>
        <translation>eine MRN bei zwei Patienten: --link EINTRAG, wenn es eine Person ist, sonst --new-version EINTRAG --mrn RICHTIGE_MRN</translation>
    </message>
    <message>
        <source>Resolved conflict {key} ({conflict}): kept version {target}, the one charted first (the same on every chart, whichever version is named); resolution {resolution} saved with its reason</source>
        <translation>Konflikt {key} ({conflict}) aufgelöst: Version {target} behalten, die zuerst eingetragene (auf jeder Kurve dieselbe, gleich welche Version genannt ist); Auflösung {resolution} mit ihrem Grund gespeichert</translation>
    </message>
    <message>
        <source>Resolved conflict {key} ({conflict}): shown again as new version {target}; resolution {resolution} saved with its reason</source>
        <translation>Konflikt {key} ({conflict}) aufgelöst: als neue Version {target} wieder angezeigt; Auflösung {resolution} mit ihrem Grund gespeichert</translation>
    </message>
    <message>
        <source>Resolved conflict {key} ({conflict}): kept version {target}; resolution {resolution} saved with its reason</source>
        <translation>Konflikt {key} ({conflict}) aufgelöst: Version {target} behalten; Auflösung {resolution} mit ihrem Grund gespeichert</translation>
    </message>
    <message>
        <source>Resolved conflict {key} ({conflict}): linked as one person, keeping record {target}; resolution {resolution} saved with its reason</source>
        <translation>Konflikt {key} ({conflict}) aufgelöst: als eine Person verknüpft, Eintrag {target} behalten; Auflösung {resolution} mit ihrem Grund gespeichert</translation>
    </message>
    <message>
        <source>Resolved conflict {key} ({conflict}): corrected the MRN of record {target}; resolution {resolution} saved with its reason</source>
        <translation>Konflikt {key} ({conflict}) aufgelöst: MRN von Eintrag {target} korrigiert; Auflösung {resolution} mit ihrem Grund gespeichert</translation>
    </message>
    <message>
        <source>only for one MRN admitted twice; otherwise keep one version (--keep), then correct it with wardchart correct</source>
        <translation>nur für eine doppelt aufgenommene MRN; sonst behalten Sie eine Version (--keep) und korrigieren sie dann mit wardchart correct</translation>
    </message>
    <message>
        <source>MRN {mrn} belongs to {name}; give another</source>
        <translation>MRN {mrn} gehört zu {name}; geben Sie eine andere an</translation>
    </message>
</context>
<context>
    <name>Regimens</name>
    <message>
        <source>irrespective</source>
        <translation>unabhängig davon</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>Therapieschema</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Zyklus</translation>
    </message>
    <message>
        <source>Nadir window</source>
        <translation>Nadir-Fenster</translation>
    </message>
    <message>
        <source>Day-1 ANC</source>
        <translation>ANC an Tag 1</translation>
    </message>
    <message>
        <source>Day-1 PLT</source>
        <translation>Thrombozyten an Tag 1</translation>
    </message>
    <message>
        <source>G-CSF</source>
        <translation>G-CSF</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} Tage</translation>
    </message>
    <message>
        <source>days {start}–{end}</source>
        <translation>Tag {start}–{end}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Regimen {name} saved</source>
        <translation>Therapieschema {name} gespeichert</translation>
    </message>
</context>
</TS>
