"""Fictional sample clients for trying the app, training and screenshots.

Every person, place and number here is invented. The stories follow the spirit of IHRP work
(a person drinking after work who wants to cut down, a near-overdose when opioids met alcohol,
cocaine on weekends), written in the person-first words the app uses everywhere.

The data is plain values (no Qt, no vault import): :func:`load_demo` writes it through the
vault's public methods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .forms.values import normalize

if TYPE_CHECKING:
    from .forms import FormLibrary


@dataclass(frozen=True)
class DemoWorksheet:
    """One worksheet of a demo session. ``revises`` names the ``key`` of the plan version it revises."""

    key: str
    form_id: str
    values: Mapping[str, Any]
    status: str = "reviewed"  # "draft" or "reviewed"
    filled_by: str = "together"  # "together", "client" or "therapist"
    revises: str | None = None


@dataclass(frozen=True)
class DemoSession:
    """A session ``days_ago`` days before today, with the worksheets filled in it."""

    days_ago: int
    worksheets: tuple[DemoWorksheet, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class DemoClient:
    """A fictional client; ``language`` is the one their worksheets are filled in."""

    name: str
    language: str
    sessions: tuple[DemoSession, ...]


def _day(days_ago: int) -> str:
    """An ISO date relative to today, so the sample always looks recent."""
    return (dt.date.today() - dt.timedelta(days=days_ago)).isoformat()


def _others(selected: list[str], other: str = "") -> dict[str, Any]:
    return {"selected": selected, "other": other}


# -- Agnieszka: evening drinking after work; wants to cut down, not stop ---------------------------

_AGNIESZKA_BALANCE: dict[str, Any] = {
    "change": "No more than two glasses of wine on weeknights",
    "substance": "Wine",
    "keep_benefits": [
        {"item": "The first glass is how I switch off after work", "weight": 9, "term": "short"},
        {"item": "It's our thing with Paweł on the balcony", "weight": 6, "term": "short"},
        {"item": "I don't have to think about it", "weight": 4, "term": "short"},
    ],
    "keep_costs": [
        {"item": "Waking up at 3 a.m. with my heart racing", "weight": 8, "term": "short"},
        {"item": "Foggy mornings, late for the 9:00 call twice", "weight": 6, "term": "short"},
        {"item": "My liver numbers at the last check-up", "weight": 7, "term": "long"},
        {"item": "Paweł going quiet when I open the second bottle", "weight": 8, "term": "long"},
    ],
    "change_benefits": [
        {"item": "Better sleep", "weight": 9, "term": "short"},
        {"item": "Trusting myself again", "weight": 8, "term": "long"},
        {"item": "Money for the trip to Gdańsk", "weight": 3, "term": "long"},
    ],
    "change_costs": [
        {"item": "Evenings feel long and jittery", "weight": 7, "term": "short"},
        {"item": "Afraid I'll fail and feel worse", "weight": 6, "term": "short"},
        {"item": "Colleagues' Friday drinks", "weight": 2, "term": ""},
    ],
    "two_sides_keep": "Wants me to have one thing that is just mine after a day of everyone needing "
    "something. Afraid that without it I'll snap at people. Protects me from feeling how tired I am.",
    "two_sides_change": "Wants mornings back and to stop hiding bottles in the recycling. Afraid I'm "
    "turning into my father. Protects my relationship and my health.",
    "two_sides_notice": "They both want me to be OK. Neither wants me to stop completely.",
    "importance": 7,
    "importance_why": "Not lower because the 3 a.m. wake-ups scare me and Paweł has noticed.",
    "importance_up": "If the next blood test is still high.",
    "confidence": 4,
    "confidence_why": "Not lower: I did dry January two years ago, so I know I can.",
    "confidence_up": "A plan for the first hour after work that isn't wine.",
    "readiness": 6,
    "readiness_why": "I'm here, and I already bought smaller glasses.",
    "readiness_up": "Knowing it's an experiment, not a promise.",
    "clinician_note": "Strong ambivalence, both sides clear. Kept a neutral stance; she arrived at "
    "a moderation goal herself. Father's drinking is a live theme; revisit.",
}

_AGNIESZKA_ALTERNATIVES: dict[str, Any] = {
    "alternatives": {
        "drop_one": {"status": "not_now", "my_version": "", "start": "", "notes": "Wine is the only one"},
        "lower_risk": {
            "status": "considering",
            "my_version": "Alcohol-free beer for the first drink",
            "start": "",
            "notes": "",
        },
        "avoid_combinations": {
            "status": "will_try",
            "my_version": "No wine on nights I take the sleeping pill",
            "start": _day(70),
            "notes": "Ask GP about the pill",
        },
        "limit_per_occasion": {
            "status": "will_try",
            "my_version": "Two glasses on weeknights, measured",
            "start": _day(70),
            "notes": "",
        },
        "fewer_days": {
            "status": "will_try",
            "my_version": "Monday, Tuesday and Wednesday without wine",
            "start": _day(70),
            "notes": "",
        },
        "longer_break": {"status": "not_now", "my_version": "", "start": "", "notes": "Maybe in spring"},
        "pace": {
            "status": "already_doing",
            "my_version": "Eat dinner first, water between glasses",
            "start": "",
            "notes": "",
        },
        "not_before_duties": {
            "status": "already_doing",
            "my_version": "Never before driving",
            "start": "",
            "notes": "",
        },
        "surf_urge": {
            "status": "will_try",
            "my_version": "Wait 20 minutes after I get home",
            "start": _day(70),
            "notes": "",
        },
        "other_coping": {
            "status": "considering",
            "my_version": "A walk or a shower to mark the end of work",
            "start": "",
            "notes": "",
        },
        "stop": {"status": "not_now", "my_version": "", "start": "", "notes": ""},
    },
    "other": [
        {
            "alternative": "Don't keep more than one bottle at home",
            "status": "considering",
            "my_version": "Buy one bottle at a time",
            "start": "",
            "notes": "",
        },
    ],
    "chosen": "Two measured glasses on weeknights, three nights a week without wine, 20 minutes of "
    "waiting when I get home, and no wine with the sleeping pill.",
    "clinician_note": "Chose four options, all self-generated. Sleeping pill plus alcohol flagged; "
    "she will talk to her GP.",
}

_AGNIESZKA_PLAN_COMMON: dict[str, Any] = {
    "substance": "Wine",
    "current_amount": "Most of a bottle, sometimes more",
    "current_days": 6,
    "current_route": "Drinking",
    "current_context": "At home from about 6 p.m. until bed, mostly alone or with Paweł on the balcony.",
    "current_gets": "Switches off work. Makes the evening feel like mine.",
    "current_problems": "3 a.m. wake-ups, foggy mornings, arguments, the liver test.",
    "ideal_days": 4,
    "ideal_route": "Drinking",
    "ideal_context": "With dinner or on the balcony with Paweł, never before 7 p.m.",
    "ideal_gets": "The pleasure of a good glass; time with Paweł.",
    "ideal_avoid": "Drinking to switch off; the second bottle; hiding bottles.",
    "naloxone_have": False,
    "naloxone_where": "",
    "naloxone_who": "",
    "test_strips": False,
    "test_strips_how": "",
    "checkin_person": "",
    "checkin_number": "",
    "checkin_plan": "",
    "tolerance_plan": "After a week or more without wine, one glass and see",
    "combinations_avoid": "No wine on nights I take zolpidem.",
    "emergency_number": "911",
    "support_people": [
        {"name": "Paweł", "phone": "555-0142"},
        {"name": "Ewa (sister)", "phone": "555-0187"},
    ],
    "warning_signs": "Buying wine on the way home on a day without wine. Finishing the bottle 'so it "
    "doesn't go off'. Skipping dinner.",
    "clinician_note": "",
}

_AGNIESZKA_PLAN_1: dict[str, Any] = {
    **_AGNIESZKA_PLAN_COMMON,
    "ideal_amount": "Two glasses (150 ml) on weeknights, three at weekends",
    "limits": [
        {"limit": "2 glasses on a weeknight"},
        {"limit": "3 glasses on Friday or Saturday"},
    ],
    "use_free_days": "Monday, Tuesday, Wednesday",
    "never": [{"item": "Never with the sleeping pill"}, {"item": "Never before driving"}],
    "support_changes": "Dinner before the first glass. Bed by 11.",
    "high_risk": [
        {"situation": "A bad day at work", "instead": "Text Ewa, shower, then decide"},
        {"situation": "Paweł away for work", "instead": "Call him at 8; only one glass"},
    ],
    "if_i_go_over": "Write down what happened the next morning, without beating myself up, and "
    "bring it to session.",
    "experiment_start": _day(70),
    "experiment_review": _day(42),
    "experiment_prediction": "The weeknight limit will be easy; the days without wine will be hard.",
    "experiment_tracking": "A tick in my phone calendar for every glass",
    "review_results": "partly",
    "review_realistic": "partly",
    "review_in_the_way": "Thursdays after the team meeting: went past the limit three times out of "
    "four. Having several bottles at home made it easy.",
    "review_learned": "The days without wine were easier than I predicted, and I slept better on "
    "them. The first glass at 6 is about getting out of work mode, not about wine.",
    "review_change": "Move the days without wine to include Thursday. Keep only one bottle at home. "
    "A walk before the first glass.",
    "clinician_note": "Hypothesis partly confirmed: sleep clearly better. Thursday pattern "
    "linked to the meeting with her manager; explore next time.",
}

_AGNIESZKA_PLAN_2: dict[str, Any] = {
    **_AGNIESZKA_PLAN_COMMON,
    "ideal_amount": "Two glasses (150 ml), any day I drink",
    "limits": [
        {"limit": "2 glasses on any day"},
        {"limit": "One bottle in the house at a time"},
    ],
    "use_free_days": "Monday, Tuesday, Thursday",
    "never": [
        {"item": "Never with the sleeping pill"},
        {"item": "Never before driving"},
        {"item": "Never straight from work: walk first"},
    ],
    "support_changes": "20-minute walk after work. Dinner before the first glass. Bed by 11.",
    "high_risk": [
        {
            "situation": "Thursday after the meeting with my manager",
            "instead": "Swimming pool at 6, then dinner",
        },
        {"situation": "A bad day at work", "instead": "Text Ewa, shower, then decide"},
        {"situation": "Paweł away for work", "instead": "Call him at 8; only one glass"},
    ],
    "if_i_go_over": "Note it in the calendar with one line about the day. It's information for our "
    "next review.",
    "experiment_start": _day(41),
    "experiment_review": _day(-14),
    "experiment_prediction": "With Thursdays covered, I'll stay within the plan most weeks.",
    "experiment_tracking": "A tick in my phone calendar for every glass",
    "review_results": "",
    "review_realistic": "",
    "review_in_the_way": "",
    "review_learned": "",
    "review_change": "",
    "clinician_note": "Version 2 keeps what worked and tests one new hypothesis: the Thursday trigger.",
}

AGNIESZKA = DemoClient(
    name="Agnieszka Wróbel-Łęcka",
    language="en",
    sessions=(
        DemoSession(
            84, (DemoWorksheet("agn_balance", "decisional_balance", _AGNIESZKA_BALANCE),), "First visit"
        ),
        DemoSession(77, (DemoWorksheet("agn_alternatives", "alternatives", _AGNIESZKA_ALTERNATIVES),)),
        DemoSession(70, (DemoWorksheet("agn_plan_1", "optimal_use_plan", _AGNIESZKA_PLAN_1),)),
        DemoSession(
            42,
            (
                DemoWorksheet(
                    "agn_plan_2", "optimal_use_plan", _AGNIESZKA_PLAN_2, status="draft", revises="agn_plan_1"
                ),
            ),
            "Plan review",
        ),
    ),
)


# -- Arkady: pressed pills and beer, a near-overdose; safety first ---------------------------------

_ARKADY_MICROANALYSIS: dict[str, Any] = {
    "episode_summary": "After my brother's birthday: passed out at home, Ola gave me naloxone",
    "episode_when": f"{_day(53)}T23:40",
    "episode_where": "The restaurant, then home, in my room with the door locked",
    "episode_who": "Family at dinner; alone at home until Ola came back from her shift",
    "episode_substances": [
        {"substance": "Beer", "amount": "About 6 over the evening", "route": "Drinking"},
        {"substance": "Pills sold as oxycodone", "amount": "One and a half", "route": "Smoked on foil"},
    ],
    "vulnerabilities": _others(
        ["poor_sleep", "stress", "strong_emotion", "already_intoxicated", "money", "conflict"],
        "Dad asking again when I'll get a 'real job'",
    ),
    "chain": [
        {
            "event": "Dad's comment at dinner",
            "thoughts": "I'll never be enough for him",
            "feelings": "Shame, anger",
            "feeling_intensity": 8,
            "body": "Hot face, tight jaw",
            "urge": 5,
            "options": "Step outside, text Ola",
            "action": "Ordered two more beers fast",
        },
        {
            "event": "Left early, bus home",
            "thoughts": "I just want tonight to be over",
            "feelings": "Empty, tired",
            "feeling_intensity": 6,
            "body": "Heavy",
            "urge": 8,
            "options": "Call Ola, go to her work",
            "action": "Texted my contact",
        },
        {
            "event": "Home, alone",
            "thoughts": "Half a pill is nothing for me",
            "feelings": "Relief coming",
            "feeling_intensity": 4,
            "body": "Restless legs",
            "urge": 9,
            "options": "Leave the door open; half only; no more beer",
            "action": "Locked the door, smoked one, then another half",
        },
    ],
    "unwrap_before": "Dad's comment, and the whole family watching me take it.",
    "unwrap_wanted": "To not feel anything until morning.",
    "unwrap_escape": "The shame, and the picture of me as the family disappointment.",
    "unwrap_voice": "'You deserve a break from being you.'",
    "unwrap_part": "The 14-year-old who used to hide in his room after dinner.",
    "consequences_short": "Warmth, quiet, the shame went away within minutes.",
    "consequences_long": "Nearly died. Ola was terrified. Missed two shifts. The family found out.",
    "function": _others(["numb_pain", "memories", "sleep"], "Get away from Dad's voice"),
    "risk_moments": [
        {
            "moment": "Smoking after six beers",
            "danger": "Opioids on top of alcohol slow breathing; the pills may hold fentanyl",
            "safer": "No pills on a drinking night, or a much smaller amount later",
        },
        {
            "moment": "Locking the door",
            "danger": "No one could see me or get in",
            "safer": "Door open, tell Ola, or use the check-in line",
        },
        {
            "moment": "Second half pill",
            "danger": "Didn't wait to feel the first",
            "safer": "Wait 30 minutes between",
        },
    ],
    "next_time_link": "Leaving dinner upset",
    "next_time": "Text Ola before I leave, go to her work or a friend's instead of home alone. If I "
    "use, no beer first, door open, naloxone on the table.",
    "clinician_note": "Near-fatal opioid overdose 7 weeks ago (alcohol plus counterfeit pills, "
    "alone). Naloxone kit and test strips given; Ola trained. Shame about father central. "
    "Re-assess risk every session; no current suicidal ideation reported.",
}

_ARKADY_PLAN: dict[str, Any] = {
    "substance": "Opioid pills (pressed 'oxy')",
    "current_amount": "One to two pills",
    "current_days": 4,
    "current_route": "Smoked on foil",
    "current_context": "After late shifts, in my room, usually alone, often after beers.",
    "current_gets": "Sleep after a 12-hour shift. Quiet in my head.",
    "current_problems": "The overdose. Not knowing what's in the pills. Money. Ola worrying.",
    "ideal_amount": "Half a pill, a second half only after 30 minutes",
    "ideal_days": 2,
    "ideal_route": "Smoked, never injected",
    "ideal_context": "Days off only, at home with Ola around or with the check-in set up.",
    "ideal_gets": "Rest on a day off.",
    "ideal_avoid": "Using to make feelings stop; using alone with the door locked.",
    "limits": [{"limit": "One pill in a day, in halves"}, {"limit": "Two days a week"}],
    "use_free_days": "Workdays",
    "never": [
        {"item": "Never after drinking"},
        {"item": "Never with benzos"},
        {"item": "Never alone with the door locked"},
        {"item": "Never without testing the pill first"},
    ],
    "naloxone_have": True,
    "naloxone_where": "Kitchen drawer and my work bag",
    "naloxone_who": "Ola; my friend Kostya",
    "test_strips": True,
    "test_strips_how": "From the drop-in center on Delancey; test a corner of each pill",
    "checkin_person": "Ola",
    "checkin_number": "555-0199",
    "checkin_plan": "I text Ola 'starting'. If I don't reply within 15 minutes she calls; no answer, "
    "she calls Kostya, who lives two doors down.",
    "tolerance_plan": "After three or more days off, a quarter pill and wait",
    "combinations_avoid": "Alcohol, benzos (Xanax), sleeping pills.",
    "emergency_number": "911",
    "support_changes": "Eat after my shift. Bouldering with Kostya on Sundays.",
    "support_people": [{"name": "Ola", "phone": "555-0199"}, {"name": "Kostya", "phone": "555-0123"}],
    "high_risk": [
        {"situation": "Family dinners", "instead": "Go with Ola, leave when I want, no pills after"},
        {"situation": "Payday", "instead": "Pay rent first thing"},
    ],
    "warning_signs": "Locking my door again. Drinking on workdays. Buying more than a week's worth.",
    "if_i_go_over": "Tell Ola, check the naloxone is in the drawer, and bring it to session.",
    "experiment_start": _day(28),
    "experiment_review": _day(-7),
    "experiment_prediction": "Not drinking first will be the hardest part.",
    "experiment_tracking": "Notes app, one line a day",
    "review_results": "",
    "review_realistic": "",
    "review_in_the_way": "",
    "review_learned": "",
    "review_change": "",
    "clinician_note": "Safety plan is the priority; all overdose steps rehearsed with Ola present.",
}

ARKADY = DemoClient(
    name="Аркадий Вересов",
    language="en",
    sessions=(
        DemoSession(49, (), "First visit, after the hospital"),
        DemoSession(
            42,
            (DemoWorksheet("ark_micro", "microanalysis", _ARKADY_MICROANALYSIS, filled_by="therapist"),),
        ),
        DemoSession(28, (DemoWorksheet("ark_plan", "optimal_use_plan", _ARKADY_PLAN, status="draft"),)),
    ),
)


# -- Marisol: cocaine on weekends; Spanish answers -------------------------------------------------

_MARISOL_BALANCE: dict[str, Any] = {
    "change": "Salir los sábados sin alargar la noche hasta el domingo",
    "substance": "Cocaína (y alcohol)",
    "keep_benefits": [
        {"item": "Me siento segura y con energía para bailar", "weight": 8, "term": "short"},
        {"item": "Es lo que hace mi grupo de amigas", "weight": 7, "term": "short"},
        {"item": "Me olvido de la semana", "weight": 6, "term": "short"},
    ],
    "keep_costs": [
        {"item": "Los lunes estoy agotada y con ansiedad", "weight": 9, "term": "short"},
        {"item": "Gasto casi la mitad de lo que gano", "weight": 8, "term": "long"},
        {"item": "El corazón acelerado el domingo al mediodía", "weight": 7, "term": "short"},
    ],
    "change_benefits": [
        {"item": "Domingos para mí y para mi mamá", "weight": 7, "term": "short"},
        {"item": "Ahorrar para el curso de ilustración", "weight": 6, "term": "long"},
    ],
    "change_costs": [
        {"item": "Miedo a aburrirme o a quedar fuera del grupo", "weight": 8, "term": "short"},
        {"item": "Irme antes que las demás me da vergüenza", "weight": 5, "term": "short"},
    ],
    "two_sides_keep": "Quiere que me divierta y que no me quede sola. Le da miedo que sin eso sea "
    "la aburrida. Protege mi lugar en el grupo.",
    "two_sides_change": "Quiere lunes tranquilos y dinero para mis planes. Le da miedo el susto del "
    "corazón. Protege mi salud y mi trabajo.",
    "two_sides_notice": "Ninguna de las dos quiere dejar de salir.",
    "importance": 8,
    "importance_why": "No es más bajo porque el susto de hace un mes fue real.",
    "importance_up": "Que mi amiga Vale también quiera volver más temprano.",
    "confidence": 5,
    "confidence_why": "No es más bajo porque dos veces me fui a las tres y estuve bien.",
    "confidence_up": "Tener el taxi ya pedido.",
    "readiness": 7,
    "readiness_why": "Ya hablé con Vale.",
    "readiness_up": "Probarlo un sábado y ver qué pasa.",
    "clinician_note": "Motivación centrada en la salud y el dinero; la pertenencia al grupo es lo que "
    "sostiene el uso. Explorar la vergüenza de irse antes.",
}

_MARISOL_MICROANALYSIS: dict[str, Any] = {
    "episode_summary": "El sábado que terminó el domingo al mediodía",
    "episode_when": f"{_day(24)}T22:00",
    "episode_where": "Casa de Vale, después un bar, después un departamento que no conocía",
    "episode_who": "Vale, Caro, dos amigos de Caro",
    "episode_substances": [
        {"substance": "Cerveza y tragos", "amount": "Unos siete", "route": "Tomando"},
        {"substance": "Cocaína", "amount": "Casi dos gramos entre la noche y la mañana", "route": "Inhalada"},
    ],
    "vulnerabilities": _others(["poor_sleep", "stress", "money", "loneliness"], "Cobré ese viernes"),
    "chain": [
        {
            "event": "Semana pesada, entrega el viernes",
            "thoughts": "Me lo merezco",
            "feelings": "Cansancio, ganas de soltar",
            "feeling_intensity": 7,
            "body": "Hombros duros",
            "urge": 6,
            "options": "Dormir una siesta antes de salir",
            "action": "Salí sin cenar",
        },
        {
            "event": "A las 3 cierran el bar",
            "thoughts": "Si me voy ahora me pierdo lo mejor",
            "feelings": "Euforia, miedo a perderme algo",
            "feeling_intensity": 8,
            "body": "Corazón rápido, mandíbula apretada",
            "urge": 9,
            "options": "Tomar el taxi que había dicho",
            "action": "Fui al departamento",
        },
        {
            "event": "Amanece",
            "thoughts": "Un poco más y paro",
            "feelings": "Ansiedad, vacío",
            "feeling_intensity": 8,
            "body": "Temblor, pecho apretado",
            "urge": 7,
            "options": "Tomar agua, comer, irme a casa",
            "action": "Seguí hasta el mediodía",
        },
    ],
    "unwrap_before": "Me estaban saliendo bien las cosas con el grupo.",
    "unwrap_wanted": "Que la noche no se terminara.",
    "unwrap_escape": "Volver a mi departamento sola y al lunes.",
    "unwrap_voice": "'Mañana ya vas a tener tiempo de estar cansada.'",
    "unwrap_part": "La que tiene miedo a quedarse sola.",
    "consequences_short": "Energía, risas, sentirme parte.",
    "consequences_long": "Dos días de bajón, gasté lo del alquiler, el susto del corazón.",
    "function": _others(["connect", "confidence", "fit_in", "energy"]),
    "risk_moments": [
        {
            "moment": "Al amanecer en un lugar que no conocía",
            "danger": "No sabía qué estaba tomando ni cómo volver",
            "safer": "Tener el taxi pedido y compartir mi ubicación con Vale",
        },
        {
            "moment": "Mezclar con alcohol toda la noche",
            "danger": "El corazón iba muy rápido",
            "safer": "Agua entre tragos, parar el alcohol a cierta hora",
        },
    ],
    "next_time_link": "Salir sin cenar",
    "next_time": "Cenar antes, decidir la hora de vuelta con Vale y pedir el taxi a las 3.",
    "clinician_note": "Palpitaciones y dolor torácico el domingo: sugerí control médico. Sin uso "
    "entre semana.",
}

_MARISOL_ALTERNATIVES: dict[str, Any] = {
    "alternatives": {
        "avoid_combinations": {
            "status": "will_try",
            "my_version": "Dejar el alcohol a la 1",
            "start": _day(14),
            "notes": "",
        },
        "test_supply": {
            "status": "considering",
            "my_version": "Averiguar dónde analizan sustancias",
            "start": "",
            "notes": "",
        },
        "limit_per_occasion": {
            "status": "will_try",
            "my_version": "Llevar solo lo que voy a usar esa noche",
            "start": _day(14),
            "notes": "",
        },
        "fewer_days": {"status": "already_doing", "my_version": "Solo sábados", "start": "", "notes": ""},
        "pace": {
            "status": "will_try",
            "my_version": "Cenar antes y agua cada hora",
            "start": _day(14),
            "notes": "",
        },
        "safer_place": {
            "status": "will_try",
            "my_version": "No ir a casas que no conozco",
            "start": _day(14),
            "notes": "",
        },
        "not_alone": {
            "status": "already_doing",
            "my_version": "Siempre con Vale",
            "start": "",
            "notes": "Compartimos ubicación",
        },
        "stop": {"status": "not_now", "my_version": "", "start": "", "notes": ""},
    },
    "other": [
        {
            "alternative": "Pedir el taxi de vuelta a las 3",
            "status": "will_try",
            "my_version": "Con Vale, lo dejamos pedido",
            "start": _day(14),
            "notes": "",
        },
    ],
    "chosen": "Cenar antes, alcohol hasta la 1, llevar solo lo de esa noche y el taxi a las 3 con Vale.",
    "clinician_note": "Lo completó en casa y lo repasamos juntas en sesión.",
}

MARISOL = DemoClient(
    name="Marisol Quintana Ibarra",
    language="es",
    sessions=(
        DemoSession(
            35, (DemoWorksheet("mar_balance", "decisional_balance", _MARISOL_BALANCE),), "Primera sesión"
        ),
        DemoSession(21, (DemoWorksheet("mar_micro", "microanalysis", _MARISOL_MICROANALYSIS),)),
        DemoSession(
            14,
            (DemoWorksheet("mar_alternatives", "alternatives", _MARISOL_ALTERNATIVES, filled_by="client"),),
        ),
    ),
)

DEMO_CLIENTS: tuple[DemoClient, ...] = (AGNIESZKA, ARKADY, MARISOL)


def load_demo(vault: Any, library: FormLibrary) -> None:
    """Write the sample clients, sessions and worksheets into ``vault`` (an open vault).

    Each worksheet's values are brought to their form's shape first; a plan that ``revises``
    another becomes a new version linked to it, as "Revise plan" does in the app.
    """
    for client in DEMO_CLIENTS:
        client_id = vault.add_client(client.name, language=client.language).id
        written: dict[str, int] = {}
        for demo_session in sorted(client.sessions, key=lambda s: -s.days_ago):
            date = dt.date.today() - dt.timedelta(days=demo_session.days_ago)
            session_id = vault.add_session(client_id, date=date, note=demo_session.note).id
            for sheet in demo_session.worksheets:
                form = library.get(sheet.form_id)
                values = normalize(form, sheet.values)
                if sheet.revises is None:
                    worksheet = vault.new_worksheet(
                        client_id,
                        form.id,
                        form.version,
                        session_id=session_id,
                        values=values,
                        filled_by=sheet.filled_by,
                        language=client.language,
                    )
                else:
                    worksheet = vault.revise(written[sheet.revises], session_id=session_id)
                    vault.save_values(worksheet.id, values)
                vault.set_status(worksheet.id, sheet.status)
                written[sheet.key] = worksheet.id
