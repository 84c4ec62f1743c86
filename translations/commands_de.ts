<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
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
        <translation>diese Kurvendatei hat noch keine Konten; --user weglassen</translation>
    </message>
    <message>
        <source>this chart file has accounts: sign in with --user NAME (password from WARDCHART_PASSWORD or the prompt)</source>
        <translation>diese Kurvendatei hat Konten: mit --user NAME anmelden (Passwort aus WARDCHART_PASSWORD oder der Eingabeaufforderung)</translation>
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
        <translation>Kurvendatei {path} ist verschlüsselt, beschädigt oder keine Kurvendatei: falls verschlüsselt, WARDCHART_PASSPHRASE setzen oder dies in einem Terminal ausführen; sie wurde nicht verändert</translation>
    </message>
    <message>
        <source>no {field}: set {variable} or run this in a terminal</source>
        <translation>kein(e) {field}: {variable} setzen oder dies in einem Terminal ausführen</translation>
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
        <translation>ist leer; bitte einen Dateinamen angeben</translation>
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
        <translation>--db: ist leer; bitte den Pfad der Kurvendatei angeben</translation>
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
        <translation>das Eingegebene WURDE gespeichert, aber der Befehl schlug nach dem Speichern fehl ({detail}); bitte nicht noch einmal eingeben</translation>
    </message>
    <message>
        <source>{warnings}; if the values are right, add --confirm</source>
        <extracomment>Whether this run opens the window: a failure before it shows is then shown in a dialog.</extracomment>
        <translation>{warnings}; wenn die Werte stimmen, --confirm hinzufügen</translation>
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
    <name>Demo</name>
    <message>
        <source>{path} already holds charts; the demo is written only into a new, empty file</source>
        <extracomment>Example lab reference limits from docs/clinical-rules.md#lower-limit-of-normal-lln [5]: WBC 4–11, ANC 2–7.5 ×10⁹/L. Regimens of the shipped library the synthetic ward draws from, with the diagnoses.</extracomment>
        <translation>{path} enthält bereits Kurven; die Demo wird nur in eine neue, leere Datei geschrieben</translation>
    </message>
</context>
</TS>
