"""The demo discovery route, from the demo places."""

from common.translations import translated_fields
from places.models import Place

from .models import Route, RouteStop

# The first « rallye de l'intégration »: the tourist office, a training centre, the médiathèque
# and the CPAM. Distances between stops are computed from the coordinates on the page.
ROUTE = {
    "slug": "rallye-integration",
    "title": {
        "fr": "Le rallye de l'intégration",
        "en": "The integration rally",
        "fr-falc": "La balade pour découvrir la ville",
        "ar": "رالي الاندماج",
        "fa": "رالی ادغام",
        "ps": "د ادغام رالي",
        "uk": "Ралі інтеграції",
        "ru": "Ралли интеграции",
        "ti": "ዙረት ምውህሃድ",
    },
    "introduction": {
        "fr": "Un parcours en équipe, à pied et en tram, par les lieux qui comptent quand on "
        "arrive à Clermont-Ferrand. Prévoyez une demi-journée.",
        "en": "A team walk, on foot and by tram, through the places that matter when you arrive "
        "in Clermont-Ferrand. Allow half a day.",
        "fr-falc": "Vous marchez en groupe dans la ville.\nVous prenez aussi le tram.\n"
        "Vous découvrez des lieux utiles.\nLa balade dure une demi-journée.",
        "ar": "جولة ضمن فريق، مشيًا وبالترام، في الأماكن المهمّة عندما تصل إلى "
        "كليرمون فيران (Clermont-Ferrand). خصّص لها نصف يوم.",
        "fa": "یک گشت گروهی، پیاده و با ترام، به جاهایی که وقتی به "
        "کلرمون فران (Clermont-Ferrand) می‌رسید مهم هستند. برای آن نیم روز وقت بگذارید.",
        "ps": "یوه ډله‌ییزه ګرځه، پلي او په ټرام، هغو ځایونو ته چې کله "
        "کلرمون فران (Clermont-Ferrand) ته راځئ مهم دي. نیمه ورځ وخت ورته ځانګړی کړئ.",
        "uk": "Маршрут для команди, пішки й трамваєм, місцями, які важливі, коли ви приїжджаєте "
        "до Клермон-Феррана (Clermont-Ferrand). Заплануйте пів дня.",
        "ru": "Маршрут для команды, пешком и на трамвае, по местам, которые важны, когда вы "
        "приезжаете в Клермон-Ферран (Clermont-Ferrand). Выделите на него полдня.",
        "ti": "ብጉጅለ፡ ብእግርን ብትራምን፡ ናብ ክለርሞን-ፌራን (Clermont-Ferrand) ምስ መጻእኩም "
        "ናብቶም ኣገደስቲ ዝኾኑ ቦታታት እትገብርዎ ዙረት። ፍርቂ መዓልቲ ግዜ ኣዳልዉ።",
    },
    "stops": [
        (
            "office-de-tourisme",
            {
                "fr": "Demandez un plan de la ville et des idées de sorties.",
                "en": "Ask for a map of the city and ideas for outings.",
                "fr-falc": "Demandez un plan de la ville.\nDemandez des idées de sorties.",
                "ar": "اطلب خريطة للمدينة وأفكارًا للخروج والتنزّه.",
                "fa": "نقشه شهر و پیشنهادهایی برای گشت و گذار بخواهید.",
                "ps": "د ښار نقشه او د ګرځېدو لپاره وړاندیزونه وغواړئ.",
                "uk": "Попросіть карту міста та ідеї, куди сходити.",
                "ru": "Попросите карту города и идеи, куда сходить.",
                "ti": "ካርታ ከተማን ናበይ ክትዛወሩ ከም እትኽእሉ ሓሳባትን ሕተቱ።",
            },
            {
                "fr": "À pied, ou en tram (ligne A) : demandez l'arrêt le plus proche à "
                "l'office de tourisme.",
                "en": "On foot, or by tram (line A): ask the tourist office for the nearest stop.",
                "fr-falc": "Marchez ou prenez le tram A.\n"
                "Demandez le chemin à l'office de tourisme.",
                "ar": "مشيًا، أو بالترام (الخط A): اسأل في مكتب السياحة عن أقرب محطة.",
                "fa": "پیاده، یا با ترام (خط A): نزدیک‌ترین ایستگاه را از دفتر گردشگری بپرسید.",
                "ps": "پلي، یا په ټرام (لاین A): نږدې تمځای د ګرځندویۍ له دفتر څخه وپوښتئ.",
                "uk": "Пішки або трамваєм (лінія A): запитайте в туристичному офісі, "
                "де найближча зупинка.",
                "ru": "Пешком или на трамвае (линия A): спросите в туристическом офисе, "
                "где ближайшая остановка.",
                "ti": "ብእግሪ፡ ወይ ብትራም (መስመር A)፦ ኣብ ቤት ጽሕፈት ቱሪዝም እቲ ዝቐረበ መዓርፎ ሕተቱ።",
            },
        ),
        (
            "universite-clermont-auvergne",
            {
                "fr": "L'université propose des cours de français langue étrangère et le DU "
                "Passerelle pour reprendre des études.",
                "en": "The university offers French as a foreign language and the DU Passerelle "
                "to go back to studying.",
                "fr-falc": "À l'université, vous pouvez apprendre le français.\n"
                "Vous pouvez aussi reprendre des études.",
                "ar": "تقدّم الجامعة دروسًا في الفرنسية لغةً أجنبية، وبرنامج DU Passerelle "
                "للعودة إلى الدراسة.",
                "fa": "پوهنتون کورس‌های فرانسوی به عنوان زبان خارجی و برنامه DU Passerelle را "
                "برای از سر گرفتن تحصیل پیشنهاد می‌کند.",
                "ps": "پوهنتون د بهرنۍ ژبې په توګه د فرانسوي ژبې کورسونه او د DU Passerelle "
                "پروګرام وړاندې کوي، څو بیا زده کړې پیل کړئ.",
                "uk": "Університет пропонує курси французької як іноземної та програму "
                "DU Passerelle, щоб повернутися до навчання.",
                "ru": "Университет предлагает курсы французского как иностранного и программу "
                "DU Passerelle, чтобы вернуться к учёбе.",
                "ti": "ዩኒቨርሲቲ ትምህርቲ ፈረንሳይኛ ከም ወጻኢ ቋንቋን፡ ትምህርትኹም ዳግማይ ንምጅማር "
                "ድማ DU Passerelle ዝበሃል መደብን የቕርብ።",
            },
            {
                "fr": "À pied, ou en tram A jusqu'à l'arrêt Jaude.",
                "en": "On foot, or by tram A to the Jaude stop.",
                "fr-falc": "Marchez ou prenez le tram A.\nDescendez à l'arrêt Jaude.",
                "ar": "مشيًا، أو بالترام A حتى محطة Jaude.",
                "fa": "پیاده، یا با ترام A تا ایستگاه Jaude.",
                "ps": "پلي، یا په ټرام A تر Jaude تمځای پورې.",
                "uk": "Пішки або трамваєм A до зупинки Jaude.",
                "ru": "Пешком или на трамвае A до остановки Jaude.",
                "ti": "ብእግሪ፡ ወይ ብትራም A ክሳብ መዓርፎ Jaude።",
            },
        ),
        (
            "mediatheque-jaude",
            {
                "fr": "Entrez, regardez les livres pour apprendre le français et demandez "
                "comment s'inscrire.",
                "en": "Go in, look at the books for learning French and ask how to register.",
                "fr-falc": "Entrez dans la médiathèque.\nIl y a des livres pour apprendre "
                "le français.\nDemandez comment avoir une carte.",
                "ar": "ادخل، وتصفّح كتب تعلّم الفرنسية، واسأل كيف تسجّل نفسك.",
                "fa": "داخل شوید، کتاب‌های آموزش زبان فرانسوی را ببینید و بپرسید چطور ثبت نام کنید.",
                "ps": "ننوځئ، د فرانسوي ژبې د زده کړې کتابونه وګورئ او وپوښتئ چې څنګه "
                "نوم لیکنه وکړئ.",
                "uk": "Зайдіть, перегляньте книжки для вивчення французької та запитайте, "
                "як записатися.",
                "ru": "Зайдите, посмотрите книги для изучения французского и спросите, "
                "как записаться.",
                "ti": "ኣትዉ፡ ንምምሃር ፈረንሳይኛ ዝሕግዙ መጻሕፍቲ ርኣዩ፡ ከመይ ከም እትምዝገቡ ድማ ሕተቱ።",
            },
            {
                "fr": "En bus : demandez à l'Espace T2C, près de la place de Jaude, la ligne "
                "vers le quartier Cataroux.",
                "en": "By bus: ask at the Espace T2C, near place de Jaude, which line goes to "
                "the Cataroux district.",
                "fr-falc": "Prenez le bus.\nDemandez quelle ligne prendre à l'Espace T2C.",
                "ar": "بالحافلة: اسأل في Espace T2C، قرب place de Jaude، عن الخط الذي يذهب "
                "إلى حيّ Cataroux.",
                "fa": "با بس: در Espace T2C، نزدیک place de Jaude، بپرسید کدام خط به "
                "ناحیه Cataroux می‌رود.",
                "ps": "په بس: په Espace T2C کې، د place de Jaude سره نږدې، وپوښتئ چې کوم لاین "
                "د Cataroux سیمې ته ځي.",
                "uk": "Автобусом: запитайте в Espace T2C, біля place de Jaude, яка лінія їде "
                "до району Cataroux.",
                "ru": "На автобусе: спросите в Espace T2C, рядом с place de Jaude, какая линия "
                "идёт в район Cataroux.",
                "ti": "ብኣውቶቡስ፦ ኣብ Espace T2C፡ ጥቓ place de Jaude፡ ናብ ከባቢ Cataroux ዝኸይድ መስመር ሕተቱ።",
            },
        ),
        (
            "cpam",
            {
                "fr": "L'accueil de l'Assurance maladie : on y demande la couverture santé.",
                "en": "The health insurance (Assurance maladie) office: this is where you "
                "ask for health cover.",
                "fr-falc": "C'est le bureau de l'Assurance maladie.\n"
                "L'Assurance maladie paie une partie de vos soins.",
                "ar": "مكتب استقبال «Assurance maladie» (التأمين الصحي): هنا تطلب التغطية الصحية.",
                "fa": "دفتر پذیرش «Assurance maladie» (بیمه صحی): اینجا برای پوشش صحی "
                "درخواست می‌دهید.",
                "ps": "د «Assurance maladie» (روغتیايي بیمه) د هرکلي دفتر: دلته د روغتیايي "
                "پوښښ غوښتنه کوئ.",
                "uk": "Приймальня «Assurance maladie» (медичне страхування): тут можна подати "
                "заяву на медичну страховку.",
                "ru": "Приёмная «Assurance maladie» (медицинское страхование): здесь можно "
                "подать заявление на медицинскую страховку.",
                "ti": "ቤት ጽሕፈት ምቕባል «Assurance maladie» (መድሕን ሕክምና)፦ ኣብዚ መድሕን ሕክምና ክግበረልኩም ትሓቱ።",
            },
            {
                "fr": "",
                "en": "",
                "fr-falc": "",
                "ar": "",
                "fa": "",
                "ps": "",
                "uk": "",
                "ru": "",
                "ti": "",
            },
        ),
    ],
}


def load():
    """Create or update the demo discovery route from the demo places."""
    route, _created = Route.objects.update_or_create(
        slug=ROUTE["slug"],
        defaults={
            "published": True,
            **translated_fields("title", ROUTE["title"]),
            **translated_fields("introduction", ROUTE["introduction"]),
        },
    )
    for order, (slug, text, to_next) in enumerate(ROUTE["stops"], start=1):
        RouteStop.objects.update_or_create(
            route=route,
            order=order,
            defaults={
                "place": Place.objects.get(slug=slug),
                **translated_fields("text", text),
                **translated_fields("to_next", to_next),
            },
        )
    return route
