<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Activity</name>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Unlocked the vault</source>
        <translation>Abrió la caja fuerte</translation>
    </message>
    <message>
        <source>Locked the vault</source>
        <translation>Bloqueó la caja fuerte</translation>
    </message>
    <message>
        <source>Wrong passphrase typed</source>
        <translation>Frase de contraseña incorrecta</translation>
    </message>
    <message>
        <source>Opened a worksheet</source>
        <translation>Abrió una hoja</translation>
    </message>
    <message>
        <source>Edited a worksheet</source>
        <translation>Editó una hoja</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Imprimió</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportó</translation>
    </message>
    <message>
        <source>Made a backup</source>
        <translation>Hizo una copia de seguridad</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>Restauró desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Upgraded the vault&apos;s format</source>
        <translation>Actualizó el formato de la caja fuerte</translation>
    </message>
    <message>
        <source>Imported records</source>
        <translation>Importó registros</translation>
    </message>
    <message>
        <source>Changed the passphrase</source>
        <translation>Cambió la frase de contraseña</translation>
    </message>
    <message>
        <source>Replaced the recovery key</source>
        <translation>Reemplazó la clave de recuperación</translation>
    </message>
    <message>
        <source>Made a recovery sheet</source>
        <translation>Hizo una hoja de recuperación</translation>
    </message>
    <message>
        <source>Changed the practice profile</source>
        <translation>Cambió el perfil de la consulta</translation>
    </message>
    <message>
        <source>Changed the passphrase and the vault&apos;s key</source>
        <translation>Cambió la frase de contraseña y la clave de la caja fuerte</translation>
    </message>
    <message>
        <source>Created the vault</source>
        <translation>Creó la caja fuerte</translation>
    </message>
    <message>
        <source>Added a client</source>
        <translation>Agregó un cliente</translation>
    </message>
    <message>
        <source>Created a worksheet</source>
        <translation>Creó una hoja</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Activity in this vault</source>
        <translation>Actividad en esta caja fuerte</translation>
    </message>
    <message>
        <source>Checking the audit trail...</source>
        <translation>Revisando el registro de auditoría...</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show the activity of</source>
        <translation>Mostrar la actividad de</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The audit trail is broken: {problems} Run Verify and keep this vault as it is.</source>
        <translation>El registro de auditoría está roto: {problems} Ejecuta Verificar y deja esta caja fuerte como está.</translation>
    </message>
    <message>
        <source>The audit trail is intact: no event was changed, removed from the middle or reordered.</source>
        <translation>El registro de auditoría está intacto: ningún evento fue cambiado, quitado de en medio ni reordenado.</translation>
    </message>
    <message>
        <source>The activity could not be read ({error}).</source>
        <translation>No se pudo leer la actividad ({error}).</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(no registrado)</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Your text is still here; saving will be tried again.</source>
        <translation>Tu texto sigue aquí; se volverá a intentar guardarlo.</translation>
    </message>
</context>
<context>
    <name>CarryPicker</name>
    <message>
        <source>Start {title}</source>
        <translation>Empezar {title}</translation>
    </message>
    <message>
        <source>Earlier worksheets offer these items for the new {title}. Tick the ones to bring in; each keeps a note of where it came from. Nothing is brought in unless you tick it.</source>
        <translation>Hojas anteriores ofrecen estos puntos para empezar {title}. Marca los que quieras traer; cada uno guarda una nota de dónde vino. No se trae nada que no marques.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Goes into</source>
        <translation>Va a</translation>
    </message>
    <message>
        <source>Items to bring in</source>
        <translation>Puntos para traer</translation>
    </message>
    <message>
        <source>Start with the ticked items</source>
        <translation>Empezar con los puntos marcados</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Empezar en blanco</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Change your passphrase</source>
        <translation>Cambia tu frase de contraseña</translation>
    </message>
    <message>
        <source>Current passphrase or recovery key</source>
        <translation>Frase actual o clave de recuperación</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>Passphrase or recovery sheet may have been seen</source>
        <translation>Puede que alguien haya visto la frase de contraseña o la hoja de recuperación</translation>
    </message>
    <message>
        <source>Lock out whoever may have seen them</source>
        <translation>Deja fuera a quien pueda haberlas visto</translation>
    </message>
    <message>
        <source>Type the passphrase you use now, then choose a new one. Your records are re-encrypted under a new key, so your old passphrase and old copies of the key file stop opening them. Your recovery sheet, if you have one, stops working too: you print a new one next.</source>
        <translation>Escribe la frase que usas ahora y luego elige una nueva. Tus registros se vuelven a cifrar con una clave nueva, así que tu frase anterior y las copias antiguas del archivo de clave dejan de abrirlos. Tu hoja de recuperación, si tienes una, también deja de funcionar: a continuación imprimes una nueva.</translation>
    </message>
    <message>
        <source>Type the passphrase you use now, or your recovery key if you have forgotten it. Then choose the new one. Your records are re-encrypted under a new key: your old passphrase and old copies of the key file stop opening them. Your recovery sheet, if you have one, keeps working.</source>
        <translation>Escribe la frase que usas ahora, o tu clave de recuperación si la olvidaste. Luego elige la nueva. Tus registros se vuelven a cifrar con una clave nueva: tu frase anterior y las copias antiguas del archivo de clave dejan de abrirlos. Tu hoja de recuperación, si tienes una, sigue funcionando.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Re-encrypting the vault</source>
        <translation>Volviendo a cifrar la caja fuerte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Replace the keys</source>
        <translation>Cambiar las claves</translation>
    </message>
    <message>
        <source>Automatic backups beside the vault: {count}. Unless you choose otherwise, they keep opening with the passphrase (and recovery sheet) they were made with.</source>
        <translation>Copias de seguridad automáticas junto a la caja fuerte: {count}. Salvo que elijas otra cosa, se siguen abriendo con la frase (y la hoja de recuperación) que tenían cuando se hicieron.</translation>
    </message>
    <message>
        <source>Keep them as they are</source>
        <translation>Dejarlas como están</translation>
    </message>
    <message>
        <source>Re-encrypt them: they then open with the new passphrase</source>
        <translation>Volver a cifrarlas: se abrirán con la frase nueva</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Borrarlas</translation>
    </message>
    <message>
        <source>Re-encrypting...</source>
        <translation>Volviendo a cifrar...</translation>
    </message>
    <message>
        <source>Type the passphrase you use now first.</source>
        <translation>Primero escribe la frase que usas ahora.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one. Choose a different one.</source>
        <translation>La frase nueva es igual a la actual. Elige una distinta.</translation>
    </message>
    <message>
        <source>Print the new recovery sheet...</source>
        <translation>Imprimir la hoja de recuperación nueva...</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Use the new one from now on.</source>
        <translation>Tu frase de contraseña cambió. Usa la nueva a partir de ahora.</translation>
    </message>
    <message>
        <source>Your records were re-encrypted under a new key: your old passphrase and old copies of the key file no longer open them.</source>
        <translation>Tus registros se volvieron a cifrar con una clave nueva: tu frase anterior y las copias antiguas del archivo de clave ya no los abren.</translation>
    </message>
    <message>
        <source>Your old recovery sheet no longer works: shred it.</source>
        <translation>Tu hoja de recuperación anterior ya no funciona: destrúyela.</translation>
    </message>
    <message>
        <source>This vault has no recovery sheet.</source>
        <translation>Esta caja fuerte no tiene hoja de recuperación.</translation>
    </message>
    <message>
        <source>Your recovery sheet, if you have one, keeps working.</source>
        <translation>Tu hoja de recuperación, si tienes una, sigue funcionando.</translation>
    </message>
    <message>
        <source>The automatic backups were re-encrypted: they open with the new passphrase.</source>
        <translation>Las copias de seguridad automáticas se volvieron a cifrar: se abren con la frase nueva.</translation>
    </message>
    <message>
        <source>The automatic backups were deleted.</source>
        <translation>Las copias de seguridad automáticas se borraron.</translation>
    </message>
    <message>
        <source>{count} automatic backups still open with the passphrase they were made with.</source>
        <translation>Copias de seguridad automáticas que se siguen abriendo con la frase que tenían cuando se hicieron: {count}.</translation>
    </message>
    <message>
        <source>Backups you made yourself before now still open with the passphrase they were made with.</source>
        <translation>Las copias de seguridad que hiciste tú antes de ahora se siguen abriendo con la frase que tenían cuando se hicieron.</translation>
    </message>
    <message>
        <source>That is not the passphrase you use now, nor your recovery key. Nothing was changed. Check Caps Lock and the keyboard language, then try again.</source>
        <translation>Esa no es la frase que usas ahora ni tu clave de recuperación. No se cambió nada. Revisa las mayúsculas (Bloq Mayús) y el idioma del teclado, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Another IHRP Desktop window or command has this vault open, so the keys were not changed. Close it, then try again.</source>
        <translation>Otra ventana u orden de IHRP Desktop tiene abierta esta caja fuerte, así que las claves no cambiaron. Ciérrala y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The passphrase was not changed.</source>
        <translation>La frase de contraseña no se cambió.</translation>
    </message>
</context>
<context>
    <name>ClientList</name>
    <message>
        <source>Find a client</source>
        <translation>Buscar cliente</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>Agregar cliente</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivados</translation>
    </message>
    <message>
        <source>Show archived clients too</source>
        <translation>Mostrar también los clientes archivados</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(archivado)</translation>
    </message>
    <message>
        <source>Name (as you want to see it on screen):</source>
        <translation>Nombre (como quieres verlo en la pantalla):</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Worksheets in English</source>
        <translation>Hojas en inglés</translation>
    </message>
    <message>
        <source>Language of this client&apos;s worksheets and printouts</source>
        <translation>Idioma de las hojas e impresiones de este cliente</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>More actions for this client</source>
        <translation>Más acciones para este cliente</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>Cambiar nombre...</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <source>New worksheet</source>
        <translation>Nueva hoja</translation>
    </message>
    <message>
        <source>Progress report...</source>
        <translation>Informe de progreso...</translation>
    </message>
    <message>
        <source>Save this client&apos;s progress charts and their values as a PDF, for the clinician</source>
        <translation>Guardar los gráficos de progreso de esta persona y sus valores en un PDF, para el profesional</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <source>Sessions and worksheets</source>
        <translation>Sesiones y hojas</translation>
    </message>
    <message>
        <source>No worksheets yet. Start one with “New worksheet”.</source>
        <translation>Todavía no hay hojas. Empieza una con “Nueva hoja”.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Bring back from archive</source>
        <translation>Sacar del archivo</translation>
    </message>
    <message>
        <source>Session {number} · {date}</source>
        <translation>Sesión {number} · {date}</translation>
    </message>
    <message>
        <source>(version {number})</source>
        <translation>(versión {number})</translation>
    </message>
    <message>
        <source>Rename client</source>
        <translation>Cambiar el nombre del cliente</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Archive client</source>
        <translation>Archivar cliente</translation>
    </message>
    <message>
        <source>Archive this client? Their records are kept; they are hidden from the list until you show archived clients.</source>
        <translation>¿Archivar a este cliente? Sus registros se conservan; dejan de verse en la lista hasta que muestres los clientes archivados.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>IHRP Desktop keeps running. If something looks wrong, close it and start it again; your saved work is in the vault.</source>
        <translation>IHRP Desktop sigue abierto. Si algo no se ve bien, ciérrelo y vuelva a abrirlo; su trabajo guardado está en la bóveda.</translation>
    </message>
    <message>
        <source>Something went wrong that IHRP Desktop did not expect ({error}). Nothing more was written.</source>
        <translation>Ocurrió un error que IHRP Desktop no esperaba ({error}). No se escribió nada más.</translation>
    </message>
    <message>
        <source>A crash report could not be saved on this computer.</source>
        <translation>No se pudo guardar un informe del error en este ordenador.</translation>
    </message>
    <message>
        <source>A crash report without any client data was saved in {path}; you can look at it and send it to whoever supports you with the program.</source>
        <translation>Se guardó un informe del error, sin ningún dato de clientes, en {path}; puede revisarlo y enviarlo a quien le ayuda con el programa.</translation>
    </message>
</context>
<context>
    <name>CreateVaultScreen</name>
    <message>
        <source>Welcome to IHRP Desktop</source>
        <translation>Te damos la bienvenida a IHRP Desktop</translation>
    </message>
    <message>
        <source>Choose a passphrase to protect your records. They are encrypted on this computer; without the passphrase nobody can read them, and nobody can recover them for you.</source>
        <translation>Elige una frase de contraseña para proteger tus registros. Se guardan cifrados en esta computadora; sin la frase nadie puede leerlos, y nadie puede recuperarlos por ti.</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Crear mi caja fuerte</translation>
    </message>
    <message>
        <source>Location: {path}</source>
        <translation>Ubicación: {path}</translation>
    </message>
    <message>
        <source>Creating...</source>
        <translation>Creando...</translation>
    </message>
    <message>
        <source>The vault could not be created. {reason}</source>
        <translation>No se pudo crear la caja fuerte. {reason}</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <source>No file name was given. Nothing was written.</source>
        <translation>No se indicó ningún nombre de archivo. No se escribió nada.</translation>
    </message>
    <message>
        <source>That is a vault folder: writing there could destroy its records. Nothing was written; choose a place outside the vault and its backups.</source>
        <translation>Esa es una carpeta de caja fuerte: escribir ahí podría destruir sus registros. No se escribió nada; elige un lugar fuera de la caja fuerte y de sus copias de seguridad.</translation>
    </message>
    <message>
        <source>That place is inside a vault folder (one that holds vault.key or vault.db): writing there could destroy its records. Nothing was written; choose a place outside the vault and its backups.</source>
        <translation>Ese lugar está dentro de una carpeta de caja fuerte (una que contiene vault.key o vault.db): escribir ahí podría destruir sus registros. No se escribió nada; elige un lugar fuera de la caja fuerte y de sus copias de seguridad.</translation>
    </message>
    <message>
        <source>That place is inside a vault&apos;s backups folder. Nothing was written; choose a place outside the vault and its backups.</source>
        <translation>Ese lugar está dentro de la carpeta de copias de seguridad de una caja fuerte. No se escribió nada; elige un lugar fuera de la caja fuerte y de sus copias de seguridad.</translation>
    </message>
    <message>
        <source>vault.key, vault.db and their side files are the names of a vault&apos;s own files. Nothing was written; choose another name.</source>
        <translation>vault.key, vault.db y sus archivos auxiliares son los nombres de los archivos propios de una caja fuerte. No se escribió nada; elige otro nombre.</translation>
    </message>
    <message>
        <source>That is a folder, not a file. Nothing was written; give a file name inside it instead.</source>
        <translation>Eso es una carpeta, no un archivo. No se escribió nada; indica mejor un nombre de archivo dentro de ella.</translation>
    </message>
    <message>
        <source>That is not an ordinary file (it is a device, a pipe or a socket). Nothing was written; choose a file in a folder.</source>
        <translation>Eso no es un archivo normal (es un dispositivo, una tubería o un socket). No se escribió nada; elige un archivo dentro de una carpeta.</translation>
    </message>
    <message>
        <source>That name is a link to another place; nothing was written. Give the file&apos;s own name.</source>
        <translation>Ese nombre es un enlace a otro lugar; no se escribió nada. Indica el nombre propio del archivo.</translation>
    </message>
    <message>
        <source>That name ends with a slash, which means a folder, not a file. Nothing was written; give a file name (without the slash at the end).</source>
        <translation>Ese nombre termina en una barra, lo que indica una carpeta, no un archivo. No se escribió nada; indica un nombre de archivo (sin la barra al final).</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Reading the file...</source>
        <translation>Leyendo el archivo...</translation>
    </message>
    <message>
        <source>Checking every record before anything is written...</source>
        <translation>Revisando cada registro antes de guardar nada...</translation>
    </message>
    <message>
        <source>Writing the records...</source>
        <translation>Guardando los registros...</translation>
    </message>
    <message>
        <source>Choose an export file to import</source>
        <translation>Elige un archivo exportado para importar</translation>
    </message>
    <message>
        <source>IHRP Desktop export (*.json);;All files (*)</source>
        <translation>Exportación de IHRP Desktop (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The import is done.</source>
        <translation>La importación terminó.</translation>
    </message>
    <message>
        <source>{kind}: {new} new, {updated} updated, {unchanged} already here.</source>
        <translation>{kind}: se añadieron {new}, se actualizaron {updated}, {unchanged} ya estaban aquí.</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Worksheets</source>
        <translation>Hojas</translation>
    </message>
    <message>
        <source>{count} kind(s) of worksheet are not installed here; they were kept as they are.</source>
        <translation>{count} tipo(s) de hoja no están instalados aquí; se guardaron tal como venían.</translation>
    </message>
    <message>
        <source>The file cannot be imported: {reason}.</source>
        <translation>No se puede importar el archivo: {reason}.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}). The other window says where its crash report is.</source>
        <translation>Algo inesperado salió mal ({kind}). La otra ventana dice dónde está su informe de error.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Demo vault: the passphrase is “demo”.</source>
        <translation>Caja fuerte de demostración: la frase de contraseña es “demo”.</translation>
    </message>
    <message>
        <source>Some of your own worksheet definitions could not be used:</source>
        <translation>Algunas de tus propias definiciones de hojas no se pudieron usar:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Finishing the last save and today&apos;s backup before the vault closes...</source>
        <translation>Terminando el último guardado y la copia de seguridad de hoy antes de cerrar la caja fuerte...</translation>
    </message>
    <message>
        <source>Choose a client on the left, or add one.</source>
        <translation>Elige un cliente a la izquierda, o agrega uno.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New client</source>
        <translation>&amp;Nuevo cliente</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>&amp;Back up to a folder...</source>
        <translation>&amp;Hacer una copia de seguridad en una carpeta...</translation>
    </message>
    <message>
        <source>&amp;Change passphrase...</source>
        <translation>&amp;Cambiar la frase de contraseña...</translation>
    </message>
    <message>
        <source>Make a &amp;recovery sheet...</source>
        <translation>Hacer una hoja de &amp;recuperación...</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Preferencias...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Client view</source>
        <translation>&amp;Vista del cliente</translation>
    </message>
    <message>
        <source>&amp;Find a client</source>
        <translation>B&amp;uscar cliente</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Activity...</source>
        <translation>&amp;Actividad...</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>&amp;Importar...</translation>
    </message>
    <message>
        <source>My passphrase or recovery sheet may have been &amp;seen...</source>
        <translation>Puede que alguien haya &amp;visto mi frase o mi hoja de recuperación...</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>There is no worksheet {number} in this vault.</source>
        <translation>No hay ninguna hoja {number} en esta caja fuerte.</translation>
    </message>
    <message>
        <source>Older vault</source>
        <translation>Caja fuerte más antigua</translation>
    </message>
    <message>
        <source>Keep working with this copy</source>
        <translation>Seguir trabajando con esta copia</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup could not be made: {reason}</source>
        <translation>No se pudo hacer la copia de seguridad automática de hoy: {reason}</translation>
    </message>
    <message>
        <source>No automatic backup was found beside this vault ({folder}). If you keep backups elsewhere, restore one with “ihrp-desktop restore”. The damaged vault was not changed.</source>
        <translation>No se encontró ninguna copia de seguridad automática junto a esta caja fuerte ({folder}). Si guardas copias en otro lugar, restaura una con “ihrp-desktop restore”. La caja fuerte dañada no se modificó.</translation>
    </message>
    <message>
        <source>Type your passphrase first: the backup opens with it.</source>
        <translation>Escribe primero tu frase de contraseña: la copia se abre con ella.</translation>
    </message>
    <message>
        <source>You are now working in a copy restored from the backup of {when}, in {path}.

The damaged vault was left untouched in {damaged}. Changes made after that backup are not in this copy.</source>
        <translation>Ahora trabajas en una copia restaurada de la copia de seguridad del {when}, en {path}.

La caja fuerte dañada quedó intacta en {damaged}. Los cambios hechos después de esa copia no están en esta.</translation>
    </message>
    <message>
        <source>The latest backup did not open with this passphrase. It opens with the passphrase that was in use when it was made.</source>
        <translation>La copia de seguridad más reciente no se abrió con esta frase. Se abre con la frase de contraseña que se usaba cuando se hizo.</translation>
    </message>
    <message>
        <source>The latest backup could not be opened either: {reason}</source>
        <translation>Tampoco se pudo abrir la copia de seguridad más reciente: {reason}</translation>
    </message>
    <message>
        <source>Choose where to put the backup</source>
        <translation>Elige dónde guardar la copia de seguridad</translation>
    </message>
    <message>
        <source>Backing up...</source>
        <translation>Haciendo la copia de seguridad...</translation>
    </message>
    <message>
        <source>Backup made in {folder}</source>
        <translation>Copia de seguridad hecha en {folder}</translation>
    </message>
    <message>
        <source>The backup could not be made; your vault is unchanged. {reason}</source>
        <translation>No se pudo hacer la copia de seguridad; tu caja fuerte no cambió. {reason}</translation>
    </message>
    <message>
        <source>The worksheet could not be saved, so the window was not locked.</source>
        <translation>No se pudo guardar la hoja, así que la ventana no se bloqueó.</translation>
    </message>
    <message>
        <source>This worksheet uses the definition “{name}”, which is not installed on this computer. Its answers are kept in the vault.</source>
        <translation>Esta hoja usa la definición “{name}”, que no está instalada en esta computadora. Sus respuestas se conservan en la caja fuerte.</translation>
    </message>
    <message>
        <source>Open version {number} now?</source>
        <translation>¿Abrir ahora la versión {number}?</translation>
    </message>
    <message>
        <source>The worksheet could not be saved.</source>
        <translation>No se pudo guardar la hoja.</translation>
    </message>
    <message>
        <source>Quit anyway and lose the last changes?</source>
        <translation>¿Salir de todos modos y perder los últimos cambios?</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Seguridad de la frase de contraseña</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Escríbela otra vez</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repite la frase de contraseña</translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same passphrase twice.</source>
        <translation>Las dos frases son distintas. Escribe la misma frase dos veces.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Other (type the lines)</source>
        <translation>Otro (escribe las líneas)</translation>
    </message>
    <message>
        <source>label (empty: the official name)</source>
        <translation>nombre (vacío: el nombre oficial)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>I checked these lines: print them on take-home papers</source>
        <translation>Revisé estas líneas: imprimirlas en las copias para llevar</translation>
    </message>
    <message>
        <source>Practice name</source>
        <translation>Nombre de la consulta</translation>
    </message>
    <message>
        <source>Practice phone</source>
        <translation>Teléfono de la consulta</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <source>Poison line</source>
        <translation>Línea de información toxicológica</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>not re-read</source>
        <translation>no revisada de nuevo</translation>
    </message>
    <message>
        <source>The practice phone</source>
        <translation>El teléfono de la consulta</translation>
    </message>
    <message>
        <source>The crisis line number</source>
        <translation>El número de la línea de crisis</translation>
    </message>
    <message>
        <source>The poison line number</source>
        <translation>El número de la línea de información toxicológica</translation>
    </message>
    <message>
        <source>The practice name</source>
        <translation>El nombre de la consulta</translation>
    </message>
    <message>
        <source>The crisis line label</source>
        <translation>La etiqueta de la línea de crisis</translation>
    </message>
    <message>
        <source>The poison line label</source>
        <translation>La etiqueta de la línea de información toxicológica</translation>
    </message>
    <message>
        <source>{field} is {n} characters long; keep it to {limit} or fewer.</source>
        <translation>{field} tiene {n} caracteres; usa {limit} como máximo.</translation>
    </message>
    <message>
        <source>{field} holds a line break, a tab or another control character; type it on one line.</source>
        <translation>{field} tiene un salto de línea, un tabulador u otro carácter de control; escríbelo en una sola línea.</translation>
    </message>
    <message>
        <source>{field} holds an invisible mark that changes the direction of the text; type it again without it.</source>
        <translation>{field} tiene una marca invisible que cambia la dirección del texto; vuelve a escribirlo sin ella.</translation>
    </message>
    <message>
        <source>{field}: &apos;{text}&apos; is not a phone number: use digits, spaces and + - ( ) . only (an extension may follow as x123).</source>
        <translation>{field}: «{text}» no es un número de teléfono: usa solo dígitos, espacios y + - ( ) . (puede seguir una extensión, como x123).</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Take-home copy</source>
        <translation>Copia para llevar a casa</translation>
    </message>
    <message>
        <source>Clinician copy</source>
        <translation>Copia para terapeuta</translation>
    </message>
    <message>
        <source>Blank worksheet</source>
        <translation>Hoja en blanco</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Pocket card (cut out, fold)</source>
        <translation>Tarjeta de bolsillo (recortar y doblar)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Which copy</source>
        <translation>Qué copia</translation>
    </message>
    <message>
        <source>Language of the printout</source>
        <translation>Idioma de la impresión</translation>
    </message>
    <message>
        <source>Formal (usted)</source>
        <translation>Formal (usted)</translation>
    </message>
    <message>
        <source>Address the client as usted instead of tú</source>
        <translation>Tratar al cliente de usted en lugar de tú</translation>
    </message>
    <message>
        <source>Discreet (title “My plan”, no name)</source>
        <translation>Discreta (título “Mi plan”, sin nombre)</translation>
    </message>
    <message>
        <source>Neutral title, no name; no word naming a substance, overdose, treatment, a clinic or the law unless the client typed it</source>
        <translation>Título neutral, sin nombre; ninguna palabra que nombre una sustancia, una sobredosis, un tratamiento, una clínica o la ley, salvo que la haya escrito la persona</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Vista previa de la impresión</translation>
    </message>
    <message>
        <source>Save PDF...</source>
        <translation>Guardar PDF...</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>Imprimir...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Preparing preview...</source>
        <translation>Preparando la vista previa...</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} páginas</translation>
    </message>
    <message>
        <source>The preview could not be made.</source>
        <translation>No se pudo hacer la vista previa.</translation>
    </message>
    <message>
        <source>The printout could not be prepared ({error}).</source>
        <translation>No se pudo preparar la impresión ({error}).</translation>
    </message>
    <message>
        <source>(no crisis or poison line is set: Preferences, Practice)</source>
        <translation>(no hay línea de crisis ni de información toxicológica: Preferencias, Consulta)</translation>
    </message>
    <message>
        <source>Check the help lines</source>
        <translation>Revisa las líneas de ayuda</translation>
    </message>
    <message>
        <source>Take-home papers print these lines. Check each number before the first print:

{lines}</source>
        <translation>Las copias para llevar imprimen estas líneas. Revisa cada número antes de la primera impresión:

{lines}</translation>
    </message>
    <message>
        <source>They are right: confirm</source>
        <translation>Son correctas: confirmar</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>1 character in this worksheet cannot be printed (e.g. Chinese, Japanese, Korean or Arabic script); it shows as {mark} on the page.</source>
        <translation>1 carácter de esta hoja no se puede imprimir (p. ej., escritura china, japonesa, coreana o árabe); aparece como {mark} en la página.</translation>
    </message>
    <message>
        <source>{count} characters in this worksheet cannot be printed (e.g. Chinese, Japanese, Korean or Arabic script); they show as {mark} on the page.</source>
        <translation>{count} caracteres de esta hoja no se pueden imprimir (p. ej., escritura china, japonesa, coreana o árabe); aparecen como {mark} en la página.</translation>
    </message>
    <message>
        <source>Some answers were too long for the pocket card and were shortened (…) or left out; the card says “{more}”.</source>
        <translation>Algunas respuestas eran demasiado largas para la tarjeta de bolsillo y se acortaron (…) o se dejaron fuera; la tarjeta dice «{more}».</translation>
    </message>
    <message>
        <source>The save could not be recorded in the vault, so the PDF was not saved. {reason}</source>
        <translation>No se pudo registrar el guardado en la caja fuerte, así que el PDF no se guardó. {reason}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>No se pudo iniciar la impresora.</translation>
    </message>
    <message>
        <source>The page was sent to the printer, but the vault could not record it. {reason}</source>
        <translation>La página se envió a la impresora, pero la caja fuerte no pudo registrarlo. {reason}</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Progress shows here once two sessions or more hold rulers, check-ins, plan days or AUDIT scores. Sessions with answers to chart so far: {n}.</source>
        <translation>El progreso se muestra aquí cuando dos sesiones o más tienen escalas, revisiones de sesión, días del plan o puntuaciones AUDIT. Sesiones con respuestas para graficar hasta ahora: {n}.</translation>
    </message>
    <message>
        <source>Not charted: {n} with unanswered questions (an incomplete score has no value).</source>
        <translation>Sin graficar: {n} con preguntas sin responder (una puntuación incompleta no tiene valor).</translation>
    </message>
    <message>
        <source>Save progress report</source>
        <translation>Guardar el informe de progreso</translation>
    </message>
</context>
<context>
    <name>RecoverySheetDialog</name>
    <message>
        <source>Recovery sheet</source>
        <translation>Hoja de recuperación</translation>
    </message>
    <message>
        <source>A way back in if you forget your passphrase</source>
        <translation>Una forma de volver a entrar si olvidas tu frase</translation>
    </message>
    <message>
        <source>A recovery key is a long code printed on one sheet of paper. If you ever forget your passphrase, you type the key in its place and your records open. Nobody else can reset your passphrase for you: without it, or this key, the records stay locked for good.</source>
        <translation>Una clave de recuperación es un código largo impreso en una hoja de papel. Si algún día olvidas tu frase de contraseña, escribes la clave en su lugar y tus registros se abren. Nadie más puede restablecer tu frase por ti: sin ella, o sin esta clave, los registros quedan cerrados para siempre.</translation>
    </message>
    <message>
        <source>Keep the sheet in a safe place away from this computer, such as a locked drawer. Anyone who holds it can open your records.</source>
        <translation>Guarda la hoja en un lugar seguro, lejos de esta computadora, por ejemplo en un cajón con llave. Quien la tenga puede abrir tus registros.</translation>
    </message>
    <message>
        <source>You already have a recovery sheet. Making a new one makes the old one stop working: shred it afterwards. Backups made before still open with the old sheet.</source>
        <translation>Ya tienes una hoja de recuperación. Si haces una nueva, la anterior deja de funcionar: destrúyela después. Las copias de seguridad hechas antes se siguen abriendo con la hoja anterior.</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Tu frase de contraseña</translation>
    </message>
    <message>
        <source>To make the sheet, type your passphrase.</source>
        <translation>Para hacer la hoja, escribe tu frase de contraseña.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Make a recovery sheet</source>
        <translation>Hacer una hoja de recuperación</translation>
    </message>
    <message>
        <source>Making the key...</source>
        <translation>Haciendo la clave...</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Primero escribe tu frase de contraseña.</translation>
    </message>
    <message>
        <source>That passphrase did not open the vault, so no sheet was made. Check Caps Lock and the keyboard language, then try again.</source>
        <translation>Esa frase no abrió la caja fuerte, así que no se hizo ninguna hoja. Revisa las mayúsculas (Bloq Mayús) y el idioma del teclado, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>No sheet was made.</source>
        <translation>No se hizo ninguna hoja.</translation>
    </message>
    <message>
        <source>Print this sheet or save it now. The key is shown only this once and is not kept on this computer.</source>
        <translation>Imprime o guarda esta hoja ahora. La clave se muestra solo esta vez y no se guarda en esta computadora.</translation>
    </message>
    <message>
        <source>Language of the sheet</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <source>Recovery sheet preview</source>
        <translation>Vista previa de la hoja de recuperación</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Save PDF...</source>
        <translation>Guardar PDF...</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>Imprimir...</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>A saved sheet is a copy of the recovery key on this computer, which is what the sheet says never to keep: anyone who gets into the computer and finds the file can open the vault with it. Printing the sheet is safer.

Save it anyway (for example to a USB stick you then keep locked away)?</source>
        <translation>Una hoja guardada es una copia de la clave de recuperación en esta computadora, justo lo que la hoja dice que nunca guardes: quien entre en la computadora y encuentre el archivo puede abrir la caja fuerte con ella. Imprimir la hoja es más seguro.

¿Guardarla de todos modos (por ejemplo en una memoria USB que luego guardes bajo llave)?</translation>
    </message>
    <message>
        <source>You have not printed or saved the sheet, and its key is not shown again. You can make a new sheet later from the File menu.

Close it anyway?</source>
        <translation>Todavía no imprimiste ni guardaste la hoja, y su clave no se vuelve a mostrar. Puedes hacer una hoja nueva más tarde desde el menú Archivo.

¿La cierras de todos modos?</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Muy grande</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>The new language shows the next time IHRP Desktop starts. Each client&apos;s worksheets keep their own language.</source>
        <translation>El nuevo idioma se verá la próxima vez que abras IHRP Desktop. Las hojas de cada cliente conservan su propio idioma.</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Bloquear tras estos minutos sin actividad</translation>
    </message>
    <message>
        <source>Default folder for saved PDFs</source>
        <translation>Carpeta predeterminada para los PDF guardados</translation>
    </message>
    <message>
        <source>Vault folder (empty: the default)</source>
        <translation>Carpeta de la caja fuerte (vacía: la predeterminada)</translation>
    </message>
    <message>
        <source>System colours at the last start</source>
        <translation>Colores del sistema en el último inicio</translation>
    </message>
    <message>
        <source>Your settings (text size, theme, language) cannot be kept on this computer: the folder {folder} cannot be written to. IHRP Desktop works as usual; changes to the settings last until it closes.</source>
        <translation>Sus preferencias (tamaño del texto, tema, idioma) no se pueden conservar en este ordenador: no se puede escribir en la carpeta {folder}. IHRP Desktop funciona con normalidad; los cambios en las preferencias duran hasta que se cierre.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Print the open worksheet</source>
        <translation>Imprimir la hoja abierta</translation>
    </message>
    <message>
        <source>Undo / redo in a worksheet</source>
        <translation>Deshacer / rehacer en una hoja</translation>
    </message>
    <message>
        <source>New worksheet of a type (client page)</source>
        <translation>Nueva hoja de un tipo (página del cliente)</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>Campo siguiente / anterior</translation>
    </message>
    <message>
        <source>Choose on a 0-10 scale or a row of choices</source>
        <translation>Elegir en una escala de 0 a 10 o en una fila de opciones</translation>
    </message>
    <message>
        <source>Choose or clear the focused choice</source>
        <translation>Elegir o borrar la opción enfocada</translation>
    </message>
    <message>
        <source>Add a row below (in a list)</source>
        <translation>Agregar una fila debajo (en una lista)</translation>
    </message>
    <message>
        <source>Move a row up / down</source>
        <translation>Subir / bajar una fila</translation>
    </message>
    <message>
        <source>Remove a row</source>
        <translation>Quitar una fila</translation>
    </message>
    <message>
        <source>Open the chosen client or worksheet</source>
        <translation>Abrir el cliente o la hoja elegida</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Everything in IHRP Desktop can be done from the keyboard. The keyboard focus always shows as a coloured ring.</source>
        <translation>Todo en IHRP Desktop se puede hacer con el teclado. El foco del teclado siempre se ve como un anillo de color.</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <source>Too easy to guess.</source>
        <translation>Demasiado fácil de adivinar.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Fuerte.</translation>
    </message>
    <message>
        <source>Very strong.</source>
        <translation>Muy fuerte.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Choose a stronger one.</source>
        <translation>Esta frase de contraseña es demasiado fácil de adivinar. Elige una más fuerte.</translation>
    </message>
    <message>
        <source>Type a passphrase: a few unrelated words are easiest to remember.</source>
        <translation>Escribe una frase de contraseña: unas cuantas palabras sin relación entre sí son lo más fácil de recordar.</translation>
    </message>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>Una palabra sola es fácil de adivinar.</translation>
    </message>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>Agrega una o dos palabras más. Las palabras poco comunes son mejores.</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>Todo en mayúsculas es casi tan fácil de adivinar como todo en minúsculas.</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>Evita fechas y años relacionados contigo.</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>Evita los años recientes.</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>Evita repetir palabras y caracteres.</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>Evita las secuencias.</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>Evita años relacionados contigo.</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>Usar mayúsculas no ayuda mucho.</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>Los nombres y apellidos comunes son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>Las fechas suelen ser fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>Los nombres y apellidos solos son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>No hacen falta símbolos, números ni mayúsculas.</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>Los cambios previsibles, como &apos;@&apos; en lugar de &apos;a&apos;, no ayudan mucho.</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>Los años recientes son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>Las repeticiones como &quot;aaa&quot; son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>Las repeticiones como &quot;abcabcabc&quot; son apenas más difíciles de adivinar que &quot;abc&quot;.</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>Las palabras al revés no son mucho más difíciles de adivinar.</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>Las secuencias como &quot;abc&quot; o &quot;6543&quot; son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Los patrones cortos del teclado son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>Las filas seguidas de teclas son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>Es una de las 10 contraseñas más comunes.</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>Es una de las 100 contraseñas más comunes.</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>Es una contraseña muy común.</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>Se parece a una contraseña muy usada.</translation>
    </message>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>Usa unas cuantas palabras; evita las frases comunes.</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>Usa un patrón de teclado más largo y con más giros.</translation>
    </message>
    <message>
        <source>This is built from this program&apos;s own name, the first thing a guesser tries.</source>
        <translation>Está hecha con el nombre de este programa, lo primero que prueba quien intenta adivinarla.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Unlock your records</source>
        <translation>Abre tus registros</translation>
    </message>
    <message>
        <source>Your worksheets are kept encrypted on this computer.</source>
        <translation>Tus hojas se guardan cifradas en esta computadora.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Vault passphrase</source>
        <translation>Frase de contraseña de la caja fuerte</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Open the latest backup instead</source>
        <translation>Abrir en su lugar la copia de seguridad más reciente</translation>
    </message>
    <message>
        <source>Unlocking...</source>
        <translation>Desbloqueando...</translation>
    </message>
    <message>
        <source>Type your passphrase, then press Enter.</source>
        <translation>Escribe tu frase de contraseña y pulsa Intro.</translation>
    </message>
    <message>
        <source>That passphrase did not open the vault. Check Caps Lock and the keyboard language, then try again.</source>
        <translation>Esa frase no abrió la caja fuerte. Revisa las mayúsculas (Bloq Mayús) y el idioma del teclado, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The original files were not changed. No automatic backup was found beside it.</source>
        <translation>Los archivos originales no se modificaron. No se encontró ninguna copia de seguridad automática junto a ella.</translation>
    </message>
    <message>
        <source>The original files were not changed.</source>
        <translation>Los archivos originales no se modificaron.</translation>
    </message>
    <message>
        <source>Open the latest backup instead ({when})</source>
        <translation>Abrir en su lugar la copia de seguridad más reciente ({when})</translation>
    </message>
</context>
<context>
    <name>WorksheetPage</name>
    <message>
        <source>Editing...</source>
        <translation>Editando...</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Aún sin guardar</translation>
    </message>
    <message>
        <source>‹ Client</source>
        <translation>‹ Cliente</translation>
    </message>
    <message>
        <source>Back to the client page</source>
        <translation>Volver a la página del cliente</translation>
    </message>
    <message>
        <source>Version {number}</source>
        <translation>Versión {number}</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado de guardado</translation>
    </message>
    <message>
        <source>Worksheet status</source>
        <translation>Estado de la hoja</translation>
    </message>
    <message>
        <source>Who filled it</source>
        <translation>Quién la completó</translation>
    </message>
    <message>
        <source>Language of this worksheet</source>
        <translation>Idioma de esta hoja</translation>
    </message>
    <message>
        <source>The language of this worksheet&apos;s questions and printout; the answers stay as they were written</source>
        <translation>El idioma de las preguntas y la impresión de esta hoja; las respuestas quedan tal como se escribieron</translation>
    </message>
    <message>
        <source>Client view</source>
        <translation>Vista del cliente</translation>
    </message>
    <message>
        <source>Full screen, larger text, only this worksheet, no therapist notes (F11)</source>
        <translation>Pantalla completa, texto más grande, solo esta hoja, sin notas del terapeuta (F11)</translation>
    </message>
    <message>
        <source>Revise plan</source>
        <translation>Revisar el plan</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Nueva versión</translation>
    </message>
    <message>
        <source>Review this version, then start a new one from the answers that still stand</source>
        <translation>Revisar esta versión y luego empezar una nueva con las respuestas que siguen en pie</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>Imprimir...</translation>
    </message>
    <message>
        <source>First, the review: how did each part go, and what did you learn? Press the button again to start the new version.</source>
        <translation>Primero, la revisión: ¿cómo fue cada parte y qué aprendiste? Pulsa el botón otra vez para empezar la nueva versión.</translation>
    </message>
    <message>
        <source>Since this version began:</source>
        <translation>Desde que empezó esta versión:</translation>
    </message>
    <message>
        <source>Leave client view</source>
        <translation>Salir de la vista del cliente</translation>
    </message>
</context>
</TS>
