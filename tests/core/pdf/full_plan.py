"""A full, realistic Optimal Use Plan: every field a client and therapist would fill, at the lengths
they write in a session, in English and in Spanish (the page-count tests print both)."""

from __future__ import annotations

from typing import Any

FULL_PLAN: dict[str, dict[str, Any]] = {
    "en": {
        "substance": "Alcohol (mostly wine, sometimes vodka)",
        "current_amount": "A bottle of wine, sometimes more on weekends",
        "current_days": 6,
        "current_route": "Drinking, mostly at home",
        "current_context": "Evenings after work, alone on the couch; Friday nights with friends from work "
        "at the bar around the corner, where rounds keep coming.",
        "current_gets": "It switches off the day. I stop replaying every conversation with my boss, and I "
        "feel less awkward with people.",
        "current_problems": "Bad sleep, headaches and a foggy morning. I have missed two school pick-ups "
        "this month, and my partner is worried and angry.",
        "ideal_amount": "Two glasses of wine; three on a night out",
        "ideal_days": 3,
        "ideal_route": "Drinking, with food",
        "ideal_context": "With dinner at home on Friday and Saturday; one evening out with friends, home "
        "by eleven.",
        "ideal_gets": "Still a way to wind down and enjoy a meal and a night out with friends.",
        "ideal_avoid": "Blackouts, missing the kids' mornings, fights at home.",
        "limits": [
            {"limit": "3 drinks on a night out"},
            {"limit": "2 glasses at home"},
            {"limit": "1 drink per hour, water in between"},
        ],
        "use_free_days": "Monday to Thursday",
        "never": [
            {"item": "before driving or picking up the kids"},
            {"item": "with my sleeping pills"},
            {"item": "alone when I'm upset"},
        ],
        "naloxone_have": True,
        "naloxone_where": "Kitchen drawer and my handbag",
        "naloxone_who": "Marta (partner) and my sister",
        "test_strips": True,
        "test_strips_how": "From the pharmacy on Main Street; I test anything I did not pour myself",
        "checkin_person": "Marta",
        "checkin_number": "+1 555 014 2231",
        "checkin_plan": "I text Marta when I start; if I don't answer in 20 minutes she calls, then "
        "comes over.",
        "tolerance_plan": "Half my usual amount, and wait an hour",
        "combinations_avoid": "No drinking on nights I take zolpidem; no mixing with anything from "
        "strangers.",
        "emergency_number": "911",
        "support_changes": "Go to bed by 23:00; eat dinner before any drink; swimming on Tuesdays; cook "
        "with the kids on Thursdays.",
        "support_people": [
            {"name": "Marta", "phone": "+1 555 014 2231"},
            {"name": "Ewa (sister)", "phone": "+1 555 019 7780"},
        ],
        "high_risk": [
            {
                "situation": "A hard day at work and an empty evening",
                "instead": "Walk home the long way, call Ewa, cook something; if I still want a drink, "
                "wait 20 minutes and surf the urge.",
            },
            {
                "situation": "Friday rounds at the bar",
                "instead": "Buy my own drinks, alternate with sparkling water, leave after the third.",
            },
            {
                "situation": "A fight with Marta",
                "instead": "Take a break outside, write down what I feel, talk when calm.",
            },
        ],
        "warning_signs": "Drinking on weekdays again, hiding bottles, skipping swimming, waking with no "
        "memory",
        "if_i_go_over": "Be kind to myself: it is information, not failure. Tell Marta, note what "
        "happened, and bring it to the next session to adjust the plan.",
        "experiment_start": "2025-03-08",
        "experiment_review": "2025-04-05",
        "experiment_prediction": "Weekdays will be the hardest for the first two weeks; weekends easier.",
        "experiment_tracking": "A note on my phone each evening",
        "review_results": "partly",
        "review_realistic": "yes",
        "review_in_the_way": "Two work dinners where everyone kept ordering; I lost count.",
        "review_learned": "Eating first really helps. Counting on my phone works when I start early.",
        "review_change": "Add a limit for work dinners: two drinks, then sparkling water.",
        "clinician_note": "Ambivalent about weekday limits; watch the sleeping-pill combination. "
        "Follow up on sleep.",
    },
    "es": {
        "substance": "Alcohol (sobre todo vino, a veces vodka)",
        "current_amount": "Una botella de vino, a veces más los fines de semana",
        "current_days": 6,
        "current_route": "Bebiendo, sobre todo en casa",
        "current_context": "Por la noche después del trabajo, sola en el sofá; los viernes con "
        "compañeros del trabajo en el bar de la esquina, donde las rondas no paran.",
        "current_gets": "Apaga el día. Dejo de repasar cada conversación con mi jefe y me siento menos "
        "incómoda con la gente.",
        "current_problems": "Duermo mal, dolores de cabeza y mañanas nubladas. Este mes no llegué dos "
        "veces a recoger a los niños al colegio, y mi pareja está preocupada y enfadada.",
        "ideal_amount": "Dos copas de vino; tres si salgo",
        "ideal_days": 3,
        "ideal_route": "Bebiendo, con comida",
        "ideal_context": "Con la cena en casa el viernes y el sábado; una noche con amigos, en casa "
        "antes de las once.",
        "ideal_gets": "Seguir teniendo una forma de relajarme y disfrutar de una comida y una noche con "
        "amigos.",
        "ideal_avoid": "Lagunas, perderme las mañanas de los niños, peleas en casa.",
        "limits": [
            {"limit": "3 copas si salgo"},
            {"limit": "2 copas en casa"},
            {"limit": "1 copa por hora, agua entre medias"},
        ],
        "use_free_days": "De lunes a jueves",
        "never": [
            {"item": "antes de conducir o de recoger a los niños"},
            {"item": "con mis pastillas para dormir"},
            {"item": "sola cuando estoy mal"},
        ],
        "naloxone_have": True,
        "naloxone_where": "El cajón de la cocina y mi bolso",
        "naloxone_who": "Marta (pareja) y mi hermana",
        "test_strips": True,
        "test_strips_how": "De la farmacia de la calle Mayor; pruebo todo lo que no me sirvo yo",
        "checkin_person": "Marta",
        "checkin_number": "+34 600 123 456",
        "checkin_plan": "Le escribo a Marta cuando empiezo; si no contesto en 20 minutos me llama, y "
        "luego viene.",
        "tolerance_plan": "La mitad de lo de siempre, y esperar una hora",
        "combinations_avoid": "No beber las noches que tomo zolpidem; no mezclar con nada que me den "
        "desconocidos.",
        "emergency_number": "112",
        "support_changes": "Acostarme antes de las 23:00; cenar antes de beber; natación los martes; "
        "cocinar con los niños los jueves.",
        "support_people": [
            {"name": "Marta", "phone": "+34 600 123 456"},
            {"name": "Ewa (hermana)", "phone": "+34 611 222 333"},
        ],
        "high_risk": [
            {
                "situation": "Un día difícil en el trabajo y una tarde vacía",
                "instead": "Volver a casa dando un rodeo, llamar a Ewa, cocinar algo; si aún quiero "
                "beber, esperar 20 minutos y surfear las ganas.",
            },
            {
                "situation": "Las rondas del viernes en el bar",
                "instead": "Pagar mis propias copas, alternar con agua con gas, irme después de la tercera.",
            },
            {
                "situation": "Una pelea con Marta",
                "instead": "Salir a tomar aire, escribir lo que siento, hablar con calma.",
            },
        ],
        "warning_signs": "Volver a beber entre semana, esconder botellas, faltar a natación, despertar "
        "sin recordar",
        "if_i_go_over": "Ser amable conmigo: es información, no un fracaso. Contárselo a Marta, anotar "
        "qué pasó y llevarlo a la próxima sesión para ajustar el plan.",
        "experiment_start": "2025-03-08",
        "experiment_review": "2025-04-05",
        "experiment_prediction": "Entre semana será lo más difícil las dos primeras semanas; los fines "
        "de semana, más fácil.",
        "experiment_tracking": "Una nota en el móvil cada noche",
        "review_results": "partly",
        "review_realistic": "yes",
        "review_in_the_way": "Dos cenas de trabajo en las que todos seguían pidiendo; perdí la cuenta.",
        "review_learned": "Comer antes ayuda de verdad. Contar en el móvil funciona si empiezo pronto.",
        "review_change": "Añadir un límite para las cenas de trabajo: dos copas y luego agua con gas.",
        "clinician_note": "Ambivalente con los límites entre semana; vigilar la combinación con "
        "pastillas para dormir. Seguimiento del sueño.",
    },
}
