<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Chart</name>
    <message>
        <source>count (×10⁹/L)</source>
        <extracomment>Purple, not green: the recovery line must not be read as a G-CSF dose. An earlier cycle&apos;s marks keep an outline in their own colour, stronger than their pale fill, so that faded ANC circles and faded WBC squares still differ in shape, not only in a washed-out colour (and a white outline would erase a pale circle on white).</extracomment>
        <translation>Zahl (×10⁹/L)</translation>
    </message>
    <message>
        <source>D{day}</source>
        <translation>d{day}</translation>
    </message>
    <message>
        <source>expected nadir D{start}–D{end}</source>
        <translation>erwarteter Nadir d{start}–d{end}</translation>
    </message>
    <message>
        <source>cycle day</source>
        <extracomment>Width in pixels of the right-hand axes (grade lines, fever line): equal, so the two plots&apos; days line up. Width in pixels of the left-hand axes (counts, temperatures): equal for the same reason. Pixels kept free around the plots&apos; edges so that no marker is cut by the range: half the largest symbol (the nadir star, 20) and a margin. The febrile-neutropenia crosses sit in a row of their own above the temperatures. Pixels kept free above and below the temperatures (half a fever diamond and a margin). The temperatures always shown (°C); a reading outside widens the range. How far (pixels, both ends together) a side axis&apos;s title may run past the axis: less than the gap between the count and the temperature plots, so their titles never meet.</extracomment>
        <translation>Zyklustag</translation>
    </message>
    <message>
        <source>date ({year})</source>
        <translation>Datum ({year})</translation>
    </message>
    <message>
        <source>date ({first}–{last})</source>
        <translation>Datum ({first}–{last})</translation>
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
        <source>corrected</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <source>PRELIMINARY result from the laboratory (hollow mark)</source>
        <translation>VORLÄUFIGER Laborwert (hohles Zeichen)</translation>
    </message>
    <message>
        <source>cycle {number}, day {day}</source>
        <translation>Zyklus {number}, Tag {day}</translation>
    </message>
    <message>
        <source>baseline, day {day}</source>
        <translation>Ausgangswert, Tag {day}</translation>
    </message>
    <message>
        <source>Cycle-day chart of WBC, ANC and temperature</source>
        <translation>Verlauf nach Zyklustag: Leukozyten, ANC und Temperatur</translation>
    </message>
    <message>
        <source>temp (°C)</source>
        <translation>Temp. (°C)</translation>
    </message>
    <message>
        <source>WBC (dashed, squares)</source>
        <translation>Leukozyten (gestrichelt, Quadrate)</translation>
    </message>
    <message>
        <source>ANC (solid, circles)</source>
        <translation>ANC (durchgezogen, Kreise)</translation>
    </message>
    <message>
        <source>No cycle: baseline results by date.</source>
        <translation>Kein Zyklus: Ausgangswerte nach Datum.</translation>
    </message>
    <message>
        <source>Cycle {number} · {regimen} · day 1 {day1}</source>
        <translation>Zyklus {number} · {regimen} · Tag 1 {day1}</translation>
    </message>
    <message>
        <source>(earlier cycles faded)</source>
        <translation>(frühere Zyklen blass)</translation>
    </message>
    <message>
        <source>Earlier nadirs: {nadirs}</source>
        <translation>Frühere Nadire: {nadirs}</translation>
    </message>
    <message>
        <source>WBC dashed with squares, ANC solid with circles, counts ×10⁹/L</source>
        <translation>Leukozyten gestrichelt mit Quadraten, ANC durchgezogen mit Kreisen, Werte ×10⁹/L</translation>
    </message>
    <message>
        <source>expected nadir D{start}–D{end} (shaded band)</source>
        <translation>erwarteter Nadir d{start}–d{end} (schattiertes Band)</translation>
    </message>
    <message>
        <source>ANC grade lines, CTCAE v{version}: {lines}</source>
        <translation>ANC-Gradlinien, CTCAE v{version}: {lines}</translation>
    </message>
    <message>
        <source>fever line {limit}</source>
        <translation>Fieberlinie {limit}</translation>
    </message>
    <message>
        <source>earlier cycles (faded, same shapes)</source>
        <extracomment>The narrowest legend column, px. Printing sets more: text painted for a PDF runs wider than the screen&apos;s font metrics measure it.</extracomment>
        <translation>frühere Zyklen (blass, gleiche Formen)</translation>
    </message>
    <message>
        <source>ANC grade, CTCAE v{version}</source>
        <translation>ANC-Grad, CTCAE v{version}</translation>
    </message>
    <message>
        <source>CTCAE v{version}</source>
        <translation>CTCAE v{version}</translation>
    </message>
    <message>
        <source>lowest so far</source>
        <translation>bisher niedrigster</translation>
    </message>
    <message>
        <source>nadir</source>
        <translation>Nadir</translation>
    </message>
    <message>
        <source>recovery D{day} (ANC ≥{anc})</source>
        <translation>Erholung d{day} (ANC ≥{anc})</translation>
    </message>
    <message>
        <source>recovery D{day}</source>
        <translation>Erholung d{day}</translation>
    </message>
    <message>
        <source>C{cycle} {anc} on D{day}</source>
        <translation>Z{cycle} {anc} an d{day}</translation>
    </message>
    <message>
        <source>now D{day} {time}</source>
        <translation>jetzt d{day} {time}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>G-CSF dose (triangle on the day axis): {dose} given {time}</source>
        <translation>G-CSF-Gabe (Dreieck auf der Tagesachse): {dose} gegeben {time}</translation>
    </message>
    <message>
        <source>G-CSF dose (triangle)</source>
        <translation>G-CSF-Gabe (Dreieck)</translation>
    </message>
    <message>
        <source>fever ({rule})</source>
        <translation>Fieber ({rule})</translation>
    </message>
    <message>
        <source>fever reading (diamond): {reading} at {time}</source>
        <translation>Fiebermessung (Raute): {reading} um {time}</translation>
    </message>
    <message>
        <source>alert (cross): {alert}</source>
        <translation>Alarm (Kreuz): {alert}</translation>
    </message>
    <message>
        <source>FN</source>
        <translation>FN</translation>
    </message>
    <message>
        <source>FN?</source>
        <translation>FN?</translation>
    </message>
    <message>
        <source>No cycle: baseline only (calendar dates)</source>
        <translation>Kein Zyklus: nur Ausgangswerte (Kalenderdaten)</translation>
    </message>
    <message>
        <source>No cycle started and no results yet</source>
        <translation>Kein Zyklus begonnen und noch keine Werte</translation>
    </message>
    <message>
        <source>febrile neutropenia</source>
        <translation>febrile Neutropenie</translation>
    </message>
    <message>
        <source>possible febrile neutropenia</source>
        <translation>mögliche febrile Neutropenie</translation>
    </message>
    <message>
        <source>oral</source>
        <translation>oral</translation>
    </message>
    <message>
        <source>axillary</source>
        <translation>axillär</translation>
    </message>
    <message>
        <source>tympanic</source>
        <translation>tympanal</translation>
    </message>
</context>
<context>
    <name>Printout</name>
    <message>
        <source>Suspected neutropenic fever is an emergency: escalate now; empirical antibiotics within 1 hour of triage (ASCO/IDSA 2018).</source>
        <translation>Verdacht auf neutropenisches Fieber ist ein Notfall: sofort eskalieren; empirische Antibiotikagabe innerhalb von 1 Stunde nach Triage (ASCO/IDSA 2018).</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <extracomment>The audit chain head when printed, short form (&quot;42-3f9a2c1b7d0e5a44&quot;): every page anchors the chart&apos;s history outside the file (see docs/tamper-evidence.md).</extracomment>
        <translation>Seite {page} von {pages}</translation>
    </message>
    <message>
        <source>printed by {name} at {time} (UTC{offset})</source>
        <translation>gedruckt von {name} am {time} (UTC{offset})</translation>
    </message>
    <message>
        <source>audit head {head} · chart file {file}</source>
        <translation>Audit-Kopf {head} · Kurvendatei {file}</translation>
    </message>
    <message>
        <source>{name} · MRN {mrn} · DOB {dob} (age {age})</source>
        <translation>{name} · MRN {mrn} · geb. {dob} ({age} J.)</translation>
    </message>
    <message>
        <source>Location (not an identifier): ward {ward}, bed {bed}</source>
        <translation>Aufenthaltsort (nicht zur Identifizierung): Station {ward}, Bett {bed}</translation>
    </message>
    <message>
        <source>Location (not an identifier): bed {bed}</source>
        <translation>Aufenthaltsort (nicht zur Identifizierung): Bett {bed}</translation>
    </message>
    <message>
        <source>No cycle started</source>
        <translation>Kein Zyklus begonnen</translation>
    </message>
    <message>
        <source>today day {day} of cycle {cycle}</source>
        <translation>heute Tag {day} von Zyklus {cycle}</translation>
    </message>
    <message>
        <source>{regimen} · cycle {number} · day 1 {day1} · {today}</source>
        <translation>{regimen} · Zyklus {number} · Tag 1 {day1} · {today}</translation>
    </message>
    <message>
        <source>Grades: CTCAE v{version} · fever rule: {rule}</source>
        <translation>Grade: CTCAE v{version} · Fieberregel: {rule}</translation>
    </message>
    <message>
        <source>Neutropenia chart summary</source>
        <translation>Neutropenie-Verlauf – Zusammenfassung</translation>
    </message>
    <message>
        <source>Neutropenic precautions: ON</source>
        <translation>Neutropenie-Schutzmaßnahmen: AN</translation>
    </message>
    <message>
        <source>Neutropenic precautions: off</source>
        <translation>Neutropenie-Schutzmaßnahmen: AUS</translation>
    </message>
    <message>
        <source>(since {time}, {name})</source>
        <translation>(seit {time}, {name})</translation>
    </message>
    <message>
        <source>Febrile-neutropenia alerts</source>
        <translation>Alarme febrile Neutropenie</translation>
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
        <source>computed</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Laborwerte</translation>
    </message>
    <message>
        <source>Results — cycle {number}</source>
        <translation>Laborwerte – Zyklus {number}</translation>
    </message>
    <message>
        <source>ANC grade (v{version})</source>
        <translation>ANC-Grad (v{version})</translation>
    </message>
    <message>
        <source>WBC grade (v{version})</source>
        <translation>Leuko-Grad (v{version})</translation>
    </message>
    <message>
        <source>Collected (24 h)</source>
        <translation>Abnahme (24 h)</translation>
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
        <source>ANC from</source>
        <translation>ANC aus</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>ANC LLN</source>
        <translation>ANC UGN</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Eingetragen von</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>fever</source>
        <translation>Fieber</translation>
    </message>
    <message>
        <source>Taken (24 h)</source>
        <translation>Gemessen (24 h)</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Messort</translation>
    </message>
    <message>
        <source>Fever ({rule})</source>
        <translation>Fieber ({rule})</translation>
    </message>
    <message>
        <source>Temperatures</source>
        <translation>Temperaturen</translation>
    </message>
    <message>
        <source>Temperatures — cycle {number}</source>
        <translation>Temperaturen – Zyklus {number}</translation>
    </message>
    <message>
        <source>Given (24 h)</source>
        <translation>Gegeben (24 h)</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>G-CSF doses</source>
        <translation>G-CSF-Gaben</translation>
    </message>
    <message>
        <source>G-CSF doses — cycle {number}</source>
        <translation>G-CSF-Gaben – Zyklus {number}</translation>
    </message>
    <message>
        <source>CONFLICT — REVIEW: these records were charted differently on two computers; every version is kept and the one printed is named:</source>
        <translation>KONFLIKT – PRÜFEN: Diese Einträge wurden an zwei Computern unterschiedlich dokumentiert; jede Version bleibt erhalten, die gedruckte ist benannt:</translation>
    </message>
    <message>
        <source>No chemotherapy cycle has been started.</source>
        <translation>Es wurde noch kein Chemotherapiezyklus begonnen.</translation>
    </message>
    <message>
        <source>Cycle {number}: {regimen}, day 1 {day1}, cycle length {length} days; expected nadir window days {start}–{end} (shaded on the chart).</source>
        <translation>Zyklus {number}: {regimen}, Tag 1 {day1}, Zykluslänge {length} Tage; erwartetes Nadir-Fenster Tag {start}–{end} (in der Kurve schattiert).</translation>
    </message>
    <message>
        <source>Nadir: no ANC in this cycle yet.</source>
        <translation>Nadir: noch keine ANC in diesem Zyklus.</translation>
    </message>
    <message>
        <source>Lowest ANC so far: ANC {anc} ×10⁹/L on day {day} ({time}){grade}.</source>
        <translation>Bisher niedrigste ANC: ANC {anc} ×10⁹/L an Tag {day} ({time}){grade}.</translation>
    </message>
    <message>
        <source>Nadir: ANC {anc} ×10⁹/L on day {day} ({time}){grade}.</source>
        <translation>Nadir: ANC {anc} ×10⁹/L an Tag {day} ({time}){grade}.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>day {day} ({time})</source>
        <translation>Tag {day} ({time})</translation>
    </message>
    <message>
        <source>Recovery (first ANC ≥ {anc} ×10⁹/L after the nadir): {recovery}.</source>
        <translation>Erholung (erste ANC ≥ {anc} ×10⁹/L nach dem Nadir): {recovery}.</translation>
    </message>
    <message>
        <source>Next cycle: {status} — {reason}.</source>
        <translation>Nächster Zyklus: {status} – {reason}.</translation>
    </message>
    <message>
        <source>Higher risk: {factors}.</source>
        <translation>Erhöhtes Risiko: {factors}.</translation>
    </message>
    <message>
        <source>Grades are CTCAE v{version}; &apos;n/g&apos; = not gradable without the lab&apos;s LLN.</source>
        <translation>Grade nach CTCAE v{version}; „n/g“ = ohne die untere Normgrenze (UGN) des Labors nicht graduierbar.</translation>
    </message>
    <message>
        <source>grades CTCAE v{version} · fever rule {rule}</source>
        <translation>Grade CTCAE v{version} · Fieberregel {rule}</translation>
    </message>
    <message>
        <source>Ward {ward}</source>
        <translation>Station {ward}</translation>
    </message>
    <message>
        <source>1 patient, sorted by bed</source>
        <translation>1 Patient, nach Bett sortiert</translation>
    </message>
    <message>
        <source>{count} patients, sorted by bed</source>
        <translation>{count} Patienten, nach Bett sortiert</translation>
    </message>
    <message>
        <source>Identify patients by name with MRN or date of birth: the bed is location only.</source>
        <translation>Patienten über Name mit MRN oder Geburtsdatum identifizieren: das Bett ist nur der Ort.</translation>
    </message>
    <message>
        <source>Ward handover sheet</source>
        <translation>Übergabebogen der Station</translation>
    </message>
    <message>
        <source>{anc} at {time} {grade}</source>
        <translation>{anc} am {time} {grade}</translation>
    </message>
    <message>
        <source>{name} (MRN {mrn}, bed {bed}): {conflict}</source>
        <translation>{name} (MRN {mrn}, Bett {bed}): {conflict}</translation>
    </message>
    <message>
        <source>CONFLICT — REVIEW: records charted differently on two computers (every version kept; the one printed is named):</source>
        <translation>KONFLIKT – PRÜFEN: Einträge an zwei Computern unterschiedlich dokumentiert (jede Version bleibt erhalten; die gedruckte ist benannt):</translation>
    </message>
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
        <source>DOB</source>
        <translation>Geb.-Datum</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Cycle/day</source>
        <translation>Zyklus/Tag</translation>
    </message>
    <message>
        <source>Latest ANC ×10⁹/L (time, grade)</source>
        <translation>Letzte ANC ×10⁹/L (Zeit, Grad)</translation>
    </message>
    <message>
        <source>Nadir window</source>
        <translation>Nadir-Fenster</translation>
    </message>
    <message>
        <source>Next cycle</source>
        <translation>Nächster Zyklus</translation>
    </message>
    <message>
        <source>Flags and alerts</source>
        <translation>Hinweise und Alarme</translation>
    </message>
    <message>
        <source>C{cycle} D{day}</source>
        <translation>Z{cycle} d{day}</translation>
    </message>
    <message>
        <source>Neutropenia chart summary — {name} (MRN {mrn})</source>
        <translation>Neutropenie-Verlauf – Zusammenfassung – {name} (MRN {mrn})</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>keine eingetragen</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title} (Fortsetzung)</translation>
    </message>
    <message>
        <source>patient {mrn} has no cycle {number}</source>
        <translation>Patient {mrn} hat keinen Zyklus {number}</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>{path} kann nicht geschrieben werden: der Ordner {folder} existiert nicht</translation>
    </message>
    <message>
        <source>cannot write {path}: the PDF could not be made; nothing was saved</source>
        <translation>{path} kann nicht geschrieben werden: das PDF konnte nicht erstellt werden; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}; nothing was saved</source>
        <translation>{path} kann nicht geschrieben werden: {reason}; nichts wurde gespeichert</translation>
    </message>
</context>
</TS>
