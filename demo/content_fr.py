"""The demo newsroom in French, written for the demo (not copied from any published French text).

Each entry is keyed by the English object's slug (or ISO code) in demo.content and holds the
French for each of its translatable fields, in the same shape as the English: a body is the
same list of (block type, value) pairs, block for block. demo.loader pairs the two, segment by
segment, into wagtail-localize's {English source text: French text}, and refuses to load a
translation that leaves any segment without French.

Items not listed here stay in English only; editors see them as untranslated in the admin.

Typography: typographic apostrophe (’), « guillemets » and an ordinary space before : ; ? !,
as in the interface catalogue (locale/fr_strings.py).
"""

# ISO 3166-1 alpha-2 code -> French short name.
PLACES = {
    "BE": "Belgique",
    "BG": "Bulgarie",
    "DE": "Allemagne",
    "LV": "Lettonie",
    "NL": "Pays-Bas",
    "RO": "Roumanie",
    "UA": "Ukraine",
}

# Names and slugs stay as they are; roles and biographies are in French.
PEOPLE = {
    "jens-stoltenberg": {
        "role": "Secrétaire général",
        "biography": (
            "Ancien Premier ministre de la Norvège, Jens Stoltenberg est devenu le treizième "
            "secrétaire général de l’OTAN en octobre 2014."
        ),
    },
    "mircea-geoana": {
        "role": "Secrétaire général délégué",
        "biography": (
            "Diplomate roumain et ancien ministre des Affaires étrangères, Mircea Geoană est "
            "secrétaire général délégué de l’OTAN depuis octobre 2019."
        ),
    },
    "ursula-von-der-leyen": {
        "role": "Présidente de la Commission européenne",
        "biography": (
            "Ancienne ministre allemande de la Défense, Ursula von der Leyen préside la "
            "Commission européenne depuis décembre 2019."
        ),
    },
    "edgars-rinkevics": {
        "role": "Président de la Lettonie",
        "biography": (
            "Edgars Rinkēvičs est devenu président de la Lettonie en juillet 2023, après douze "
            "années à la tête de la diplomatie de son pays."
        ),
    },
    "josep-borrell": {
        "role": (
            "Haut représentant de l’UE pour les affaires étrangères et la politique de sécurité"
        ),
        "biography": (
            "Josep Borrell préside le Conseil des affaires étrangères de l’UE, y compris ses "
            "réunions des ministres de la Défense, et il est vice-président de la Commission "
            "européenne."
        ),
    },
    "rob-bauer": {
        "role": "Président du Comité militaire de l’OTAN",
        "biography": (
            "L’amiral Rob Bauer, de la Marine royale néerlandaise, préside depuis juin 2021 le "
            "Comité militaire de l’OTAN, la plus haute autorité militaire de l’Alliance."
        ),
    },
    "mark-rutte": {
        "role": "Premier ministre des Pays-Bas",
        "biography": "Mark Rutte est Premier ministre des Pays-Bas depuis 2010.",
    },
}

TOPICS = {
    "ukraine": {
        "title": "Ukraine",
        "slug": "ukraine",
        "introduction": (
            "Comment l’OTAN et les Alliés aident l’Ukraine à se défendre face à l’invasion à "
            "grande échelle lancée par la Russie : consultations politiques au sein du Conseil "
            "OTAN-Ukraine, aide pratique et non létale, formation, et travail vers une pleine "
            "interopérabilité avec les forces alliées."
        ),
    },
    "nato-eu-relations": {
        "title": "Relations OTAN–UE",
        "slug": "relations-otan-ue",
        "introduction": (
            "L’OTAN et l’Union européenne ont 22 pays membres en commun et coopèrent en matière "
            "de gestion des crises, de mobilité militaire, de résilience, de cyberdéfense et de "
            "soutien aux partenaires. Trois déclarations conjointes, en 2016, 2018 et 2023, en "
            "fixent le programme."
        ),
    },
    "deterrence-and-defence": {
        "title": "Dissuasion et défense",
        "slug": "dissuasion-et-defense",
        "introduction": (
            "Protéger chaque Allié contre toute menace : forces déployées à l’avant sur le flanc "
            "est, plans de défense régionaux, police du ciel, surveillance, exercices et "
            "capacités dans lesquelles les Alliés investissent ensemble."
        ),
    },
    "resilience": {
        "title": "Résilience",
        "slug": "resilience",
        "introduction": (
            "Des sociétés capables de se préparer aux chocs, de les encaisser et de s’en "
            "relever, qu’il s’agisse d’une attaque armée, d’une catastrophe naturelle ou du "
            "sabotage d’infrastructures critiques. La résilience relève de chaque pays, et les "
            "Alliés la renforcent ensemble."
        ),
    },
    "partnerships": {
        "title": "Partenariats",
        "slug": "partenariats",
        "introduction": (
            "L’OTAN travaille avec des pays et des organisations du monde entier, de l’Union "
            "européenne et des Nations unies à ses partenaires d’Europe, du Moyen-Orient et de "
            "l’Indo-Pacifique, ainsi qu’avec la société civile et les associations de "
            "réservistes."
        ),
    },
}

SECRETARY_GENERAL = "Jens Stoltenberg, secrétaire général de l’OTAN"

# Six of the ten front-page items, the two featured ones included.
ITEMS = {
    "secretary-general-joins-eu-college-of-commissioners": {
        "title": (
            "Le secrétaire général reçu par le Collège des commissaires européens à Bruxelles"
        ),
        "slug": "le-secretaire-general-recu-par-le-college-des-commissaires",
        "dateline": "Bruxelles",
        "teaser": (
            "Invité le 15 novembre 2023 par le Collège des commissaires de la Commission "
            "européenne, Jens Stoltenberg a salué le rôle de la présidente Ursula von der Leyen "
            "dans un rapprochement sans précédent entre l’OTAN et l’Union européenne."
        ),
        "body": [
            (
                "paragraph",
                "<p>À l’invitation de la présidente de la Commission européenne, Ursula von der "
                "Leyen, le secrétaire général de l’OTAN, Jens Stoltenberg, a pris part le mercredi "
                "15 novembre à la réunion hebdomadaire du Collège des commissaires, au bâtiment "
                "Berlaymont, à Bruxelles. Les commissaires et le secrétaire général ont évoqué la "
                "guerre menée par la Russie contre l’Ukraine, la situation de sécurité aux abords "
                "de l’Europe et les prochaines étapes de la coopération entre les deux "
                "organisations.</p>",
            ),
            (
                "paragraph",
                "<p>M. Stoltenberg a remercié la présidente pour son engagement personnel en "
                "faveur du partenariat. Il a rappelé la déclaration conjointe signée en janvier "
                "2023, qui a étendu la coopération à la protection des infrastructures critiques, "
                "aux technologies émergentes et de rupture, à l’espace ainsi qu’aux effets du "
                "changement climatique sur la sécurité.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Quand l’OTAN et l’Union européenne tirent dans le même sens, toutes deux "
                        "en sortent renforcées, et l’Ukraine le ressent."
                    ),
                    "attribution": SECRETARY_GENERAL,
                },
            ),
            (
                "paragraph",
                "<p>Pour le secrétaire général, le soutien économique et financier de l’Union et "
                "l’aide militaire des Alliés vont de pair pour permettre à l’Ukraine de "
                "poursuivre le combat. Il a encouragé les pays européens à accroître encore leur "
                "production de munitions et d’équipements, et demandé que les initiatives de l’UE "
                "en faveur de l’industrie de défense restent cohérentes avec les objectifs "
                "capacitaires de l’OTAN et ouvertes aux Alliés qui ne sont pas membres de "
                "l’Union.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "L’OTAN et l’UE en bref",
                    "body": (
                        "<ul><li>22 pays sont membres des deux organisations.</li>"
                        "<li>Des déclarations conjointes ont été signées en 2016, 2018 et "
                        "2023.</li>"
                        "<li>Plus de 70 actions communes guident la coopération au "
                        "quotidien.</li></ul>"
                    ),
                },
            ),
        ],
    },
    "latvian-president-rinkevics-visits-nato": {
        "title": (
            "Le président letton Edgars Rinkēvičs à l’OTAN pour parler de l’Ukraine et de la "
            "défense"
        ),
        "slug": "le-president-letton-rinkevics-en-visite-a-l-otan",
        "dateline": "Bruxelles",
        "teaser": (
            "Le président de la Lettonie, Edgars Rinkēvičs, s’est rendu au siège de l’OTAN le "
            "16 novembre 2023. Avec le secrétaire général, Jens Stoltenberg, il a fait le point "
            "sur l’aide à l’Ukraine et sur les plans de défense adoptés par les Alliés à Vilnius."
        ),
        "body": [
            (
                "paragraph",
                "<p>Le secrétaire général, Jens Stoltenberg, a reçu le président de la Lettonie, "
                "Edgars Rinkēvičs, au siège de l’OTAN, à Bruxelles, le jeudi 16 novembre. Cette "
                "visite intervenait quelques mois après l’entrée en fonction de M. Rinkēvičs, en "
                "juillet 2023, au terme de plus de dix ans à la tête de la diplomatie "
                "lettone.</p>",
            ),
            (
                "paragraph",
                "<p>Les deux dirigeants ont examiné les moyens de maintenir l’aide militaire et "
                "financière à l’Ukraine tout au long de l’hiver. Ils ont aussi fait le bilan des "
                "décisions prises par les dirigeants alliés au sommet de Vilnius, en juillet, "
                "dont de nouveaux plans de défense régionaux et une présence avancée renforcée "
                "sur le flanc est de l’Alliance. Le secrétaire général a salué l’effort de défense "
                "de la Lettonie, supérieur à la référence de deux pour cent du produit intérieur "
                "brut fixée par l’Alliance.</p>",
            ),
            (
                "paragraph",
                "<p>La Lettonie accueille l’un des huit groupements tactiques multinationaux de "
                "l’OTAN, placé sous commandement canadien. Lors du sommet de Vilnius, le Canada "
                "et la Lettonie ont adopté une feuille de route pour porter progressivement "
                "cette force au niveau d’une brigade dans les années à venir, avec davantage de "
                "troupes, d’équipements et d’infrastructures.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "La Lettonie dans l’OTAN",
                    "body": (
                        "<ul><li>Membre de l’Alliance depuis 2004.</li>"
                        "<li>Pays hôte d’un groupement tactique multinational dirigé par le "
                        "Canada, qui réunit des troupes d’une douzaine d’Alliés.</li>"
                        "<li>Protégée par la mission de police du ciel de l’OTAN au-dessus des "
                        "États baltes.</li></ul>"
                    ),
                },
            ),
        ],
    },
    "secretary-general-joins-eu-defence-ministers": {
        "title": (
            "Fonds marins et soutien à l’Ukraine : Jens Stoltenberg avec les ministres de la "
            "Défense de l’UE"
        ),
        "slug": "stoltenberg-avec-les-ministres-de-la-defense-de-l-ue",
        "dateline": "Bruxelles",
        "teaser": (
            "Devant les ministres de la Défense de l’Union européenne, réunis à Bruxelles le "
            "14 novembre 2023, Jens Stoltenberg a présenté l’action de l’OTAN pour protéger "
            "gazoducs et câbles sous-marins, et appelé à poursuivre l’aide militaire à l’Ukraine."
        ),
        "body": [
            (
                "paragraph",
                "<p>Le secrétaire général de l’OTAN, Jens Stoltenberg, a participé le mardi "
                "14 novembre, à Bruxelles, au Conseil des affaires étrangères de l’UE en "
                "formation Défense, à l’invitation du haut représentant de l’Union pour les "
                "affaires étrangères et la politique de sécurité, Josep Borrell.</p>",
            ),
            (
                "paragraph",
                "<p>Les échanges ont largement porté sur la sécurité des infrastructures "
                "sous-marines critiques. Le secrétaire général est revenu sur les dégâts subis en "
                "octobre par le gazoduc Balticconnector et par des câbles de télécommunication "
                "voisins, en mer Baltique, et a expliqué comment les Alliés ont intensifié les "
                "patrouilles, la surveillance et le partage d’informations dans la région. Il a "
                "rappelé qu’un groupe de travail conjoint OTAN-UE sur la résilience des "
                "infrastructures critiques avait remis son rapport plus tôt dans l’année, et que "
                "les deux organisations en appliquent désormais les recommandations.</p>",
            ),
            (
                "paragraph",
                "<p>S’agissant de l’Ukraine, M. Stoltenberg a souligné que les besoins du pays en "
                "munitions, en défense aérienne et en entretien des équipements déjà livrés "
                "restent pressants. Il a salué les efforts européens pour augmenter la production "
                "de munitions et plaidé pour une coordination étroite, afin que l’action de "
                "l’OTAN et celle de l’Union continuent de se renforcer mutuellement.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Protéger ce qui repose au fond des mers",
                    "body": (
                        "<p>Les câbles posés au fond des océans acheminent l’essentiel du trafic "
                        "Internet mondial, et les gazoducs sous-marins fournissent une grande "
                        "part de l’énergie de l’Europe. En 2023, l’OTAN a créé à son siège une "
                        "cellule de coordination pour les infrastructures sous-marines critiques "
                        "et décidé d’établir, au sein du Commandement maritime allié, un centre "
                        "maritime consacré à leur sécurité.</p>"
                    ),
                },
            ),
        ],
    },
    "e-7a-wedgetail-chosen-to-succeed-nato-awacs": {
        "title": (
            "L’OTAN choisit le E-7A Wedgetail pour succéder à ses avions de surveillance AWACS"
        ),
        "slug": "l-otan-choisit-le-e-7a-wedgetail-pour-succeder-aux-awacs",
        "dateline": "Bruxelles",
        "teaser": (
            "Six Boeing E-7A Wedgetail prendront la relève des avions radar AWACS vieillissants "
            "de l’Alliance. La production devrait démarrer dans les prochaines années, et le "
            "premier appareil doit entrer en service en 2031."
        ),
        "body": [
            (
                "paragraph",
                "<p>L’OTAN a retenu le Boeing E-7A Wedgetail pour sa future capacité aéroportée "
                "de commandement et de contrôle. Ce choix, annoncé le 15 novembre 2023, fait "
                "suite à l’examen des solutions de remplacement de la flotte d’avions E-3A du "
                "Système aéroporté de détection et de contrôle (AWACS), entrés en service au "
                "début des années 1980 et dont le retrait est prévu vers 2035.</p>",
            ),
            (
                "paragraph",
                "<p>L’Agence OTAN de soutien et d’acquisition achètera six E-7A pour le compte "
                "des Alliés participants ; le premier devrait être opérationnel en 2031. Comme "
                "les AWACS actuels, les nouveaux appareils seront mis en œuvre par la Force "
                "aéroportée multinationale de détection lointaine et de contrôle de l’OTAN, dont "
                "la principale base d’opérations se trouve à Geilenkirchen, en Allemagne.</p>",
            ),
            (
                "image",
                {
                    "image": "e3-and-e7",
                    "caption": (
                        "Le E-3A porte son radar dans un dôme rotatif ; le E-7A utilise un radar "
                        "fixe monté sur le dessus du fuselage."
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Le radar fixe à balayage électronique du E-7A peut suivre avions et navires "
                "sur de vastes zones et transmettre cette image en temps réel aux commandants, "
                "aux navires et aux avions de chasse. L’appareil est déjà en service dans "
                "l’armée de l’air australienne et a été commandé par le Royaume-Uni.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Savoir ce qui se passe dans notre ciel, et le partager vite, est au cœur "
                        "de la dissuasion. Cette décision préserve cette capacité pour des "
                        "décennies."
                    ),
                    "attribution": SECRETARY_GENERAL,
                },
            ),
        ],
    },
    "first-nato-ukraine-council-of-military-representatives": {
        "title": "L’Ukraine siège au premier Conseil OTAN-Ukraine des représentants militaires",
        "slug": "premier-conseil-otan-ukraine-des-representants-militaires",
        "dateline": "Bruxelles",
        "teaser": (
            "Le 16 novembre 2023, le Comité militaire de l’OTAN s’est réuni pour la première "
            "fois en Conseil OTAN-Ukraine au niveau des représentants militaires, l’Ukraine y "
            "participant à part entière et non plus comme invitée."
        ),
        "body": [
            (
                "paragraph",
                "<p>Pour la première fois, le Comité militaire de l’OTAN a réuni le Conseil "
                "OTAN-Ukraine au niveau des représentants militaires, le jeudi 16 novembre. "
                "L’amiral Rob Bauer, président du Comité militaire, a conduit la séance au siège "
                "de l’OTAN, en présence des plus hauts représentants militaires de chaque Allié "
                "et de l’Ukraine.</p>",
            ),
            (
                "paragraph",
                "<p>Les dirigeants alliés ont créé le Conseil OTAN-Ukraine au sommet de Vilnius, "
                "en juillet 2023, pour succéder à la Commission OTAN-Ukraine. Au sein du Conseil, "
                "l’Ukraine siège aux côtés des Alliés, si bien que les consultations sur les "
                "préoccupations de sécurité communes peuvent être préparées et menées ensemble. "
                "Les représentants militaires alliés rencontrent déjà souvent leurs homologues "
                "ukrainiens ; le nouveau format inscrit ces contacts dans une structure "
                "permanente.</p>",
            ),
            (
                "paragraph",
                "<p>Les représentants ont évalué la situation militaire, les besoins les plus "
                "urgents de l’Ukraine pour les mois à venir et l’avancement du programme "
                "d’assistance complet, qui aide les forces armées ukrainiennes à progresser vers "
                "une pleine interopérabilité avec l’OTAN. Ils se sont aussi penchés sur les "
                "enseignements de la guerre qui peuvent nourrir la planification et "
                "l’entraînement de l’Alliance.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Le Conseil OTAN-Ukraine",
                    "body": (
                        "<p>Le Conseil s’est réuni pour la première fois au niveau des chefs "
                        "d’État et de gouvernement, à Vilnius, le 12 juillet 2023. Il peut aussi "
                        "se réunir au niveau des ministres, des ambassadeurs et des représentants "
                        "militaires, et chacun de ses membres peut demander qu’il soit convoqué "
                        "pour des consultations en cas de crise.</p>"
                    ),
                },
            ),
        ],
    },
    "the-european-union-a-unique-and-essential-partner-for-nato": {
        "title": "L’Union européenne : un partenaire unique et essentiel pour l’OTAN",
        "slug": "l-union-europeenne-un-partenaire-unique-et-essentiel-pour-l-otan",
        "dateline": "Bruxelles",
        "teaser": (
            "Partenaires depuis le début des années 2000, l’OTAN et l’Union européenne partagent "
            "les mêmes valeurs et font face aux mêmes menaces. Ce court film montre comment "
            "leurs atouts se complètent au service de la paix et de la sécurité."
        ),
        "transcript": (
            "<p>Narrateur : Deux organisations, une même ville. À Bruxelles, l’OTAN et l’Union "
            "européenne travaillent à quelques kilomètres l’une de l’autre, et la plupart de "
            "leurs membres siègent aux deux tables.</p>"
            "<p>Narrateur : Leur coopération a pris forme au début du siècle. Depuis, elles ont "
            "agi côte à côte dans les Balkans occidentaux, au large de la Corne de l’Afrique et "
            "en Méditerranée.</p>"
            "<p>Narrateur : Chacune apporte ses propres atouts. L’OTAN, la défense collective et "
            "un commandement militaire intégré. L’Union, son poids économique, sa réglementation "
            "et des outils civils de gestion des crises.</p>"
            "<p>Narrateur : Aujourd’hui, elles affrontent ensemble de nouvelles menaces : "
            "cyberattaques, désinformation, sabotage des gazoducs et des câbles dont nos sociétés "
            "dépendent.</p>"
            "<p>Narrateur : Et depuis l’invasion de l’Ukraine par la Russie, en février 2022, "
            "toutes deux se tiennent aux côtés de l’Ukraine, avec une aide militaire, financière "
            "et humanitaire.</p>"
            "<p>Narrateur : Des rôles différents. Des valeurs partagées. Un même objectif : une "
            "Europe libre et en paix.</p>"
        ),
        "body": [
            (
                "paragraph",
                "<p>L’OTAN et l’Union européenne ont bâti leur partenariat pas à pas, en deux "
                "décennies. Cette vidéo retrace ce parcours, des premiers arrangements formels du "
                "début des années 2000 à la déclaration conjointe signée à Bruxelles en janvier "
                "2023.</p>",
            ),
            (
                "image",
                {
                    "image": "video-poster",
                    "caption": "Image extraite du film : l’OTAN et l’Union européenne côte à côte.",
                },
            ),
            (
                "paragraph",
                "<p>Les deux organisations n’ont pas la même vocation. L’OTAN est une alliance "
                "politique et militaire dont la première mission est la défense collective de ses "
                "membres. L’Union peut mobiliser des instruments économiques, financiers, "
                "juridiques et civils. Conjuguées, ces forces servent la paix et la sécurité en "
                "Europe et au-delà, et elles sont au cœur de l’aide que toutes deux apportent à "
                "l’Ukraine.</p>",
            ),
            (
                "paragraph",
                "<p>Au quotidien, la coopération s’appuie sur plus de soixante-dix actions "
                "convenues, dans des domaines comme la mobilité militaire, la cyberdéfense, la "
                "lutte contre les menaces hybrides, les exercices coordonnés et le soutien aux "
                "pays partenaires. Les personnels des deux organisations se rencontrent "
                "régulièrement, et chacune est invitée aux réunions ministérielles de "
                "l’autre.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Les grandes étapes",
                    "body": (
                        "<ul><li>2002 : déclaration OTAN-UE sur la politique européenne de "
                        "sécurité et de défense.</li>"
                        "<li>2003 : arrangements « Berlin plus » sur le recours de l’UE aux "
                        "moyens de l’OTAN.</li>"
                        "<li>2016 : première déclaration conjointe, signée à Varsovie.</li>"
                        "<li>2018 : deuxième déclaration conjointe, signée à Bruxelles.</li>"
                        "<li>2023 : troisième déclaration conjointe, signée à Bruxelles.</li></ul>"
                    ),
                },
            ),
        ],
    },
    "nato-opens-first-resilience-course-for-civil-experts": {
        "title": "L’OTAN ouvre à Bucarest son premier cours de résilience pour experts civils",
        "slug": "l-otan-ouvre-son-premier-cours-de-resilience",
        "dateline": "Bucarest",
        "teaser": (
            "Des experts civils de pays alliés et partenaires entament le 6 novembre 2023 à "
            "Bucarest un cours de cinq jours, le premier cours de l’OTAN consacré à la résilience "
            "des sociétés et de leurs services essentiels."
        ),
        "body": [
            (
                "paragraph",
                "<p>L’OTAN et le Centre euro-atlantique pour la résilience de Bucarest ouvrent le "
                "lundi 6 novembre 2023 le premier cours OTAN de résilience pour experts civils. "
                "Jusqu’à vendredi, des spécialistes venus de ministères et d’agences civiles "
                "étudieront comment un pays maintient son énergie, ses communications, ses "
                "transports, son approvisionnement en eau et en nourriture et ses soins de santé "
                "pendant une crise ou une attaque.</p>",
            ),
            (
                "paragraph",
                "<p>Le cours suit les sept exigences fondamentales de résilience nationale "
                "adoptées par les Alliés en 2016. Les participants travailleront sur des "
                "scénarios préparés par les experts civils de l’OTAN, d’une longue coupure "
                "d’électricité en hiver au sabotage d’un câble sous-marin, et compareront les "
                "plans de leurs propres pays.</p>",
            ),
            (
                "paragraph",
                "<p>La Roumanie accueille le cours au Centre euro-atlantique pour la résilience, "
                "qu’elle a créé pour partager son expérience avec Alliés et partenaires. Le "
                "Centre et les planificateurs civils d’urgence de l’OTAN ont conçu le programme "
                "ensemble et fournissent les formateurs. Si cette première édition atteint ses "
                "objectifs, le cours sera proposé chaque année.</p>",
            ),
            (
                "paragraph",
                "<p>La résilience est une responsabilité nationale et un engagement collectif : "
                "plus chaque société est solide, plus il est difficile pour un adversaire "
                "d’exploiter ses faiblesses. Les journalistes qui souhaitent assister à la séance "
                "de clôture, le vendredi 10 novembre, sont invités à contacter le service de "
                "presse du Centre.</p>",
            ),
        ],
    },
    "media-advisory-secretary-general-meets-prime-minister-rutte": {
        "title": "Avis aux médias : le secrétaire général reçoit le Premier ministre des Pays-Bas",
        "slug": "avis-aux-medias-le-secretaire-general-recoit-mark-rutte",
        "dateline": "Bruxelles",
        "teaser": (
            "Le secrétaire général de l’OTAN, Jens Stoltenberg, recevra Mark Rutte, Premier "
            "ministre des Pays-Bas, au siège de l’OTAN le jeudi 9 novembre 2023. Pool "
            "uniquement ; le point de presse commun sera retransmis en direct."
        ),
        "venue": "Siège de l’OTAN, boulevard Léopold III, Bruxelles",
        "accreditation_instructions": (
            "<p>Les photographes et équipes de tournage du pool doivent disposer d’une "
            "accréditation annuelle de presse de l’OTAN et s’inscrire par courriel auprès du "
            "service de presse avant la date limite.</p>"
            "<p>Les autres médias peuvent suivre le point de presse commun en direct sur le site "
            "de l’OTAN.</p>"
        ),
        "body": [
            (
                "paragraph",
                "<p>Le secrétaire général de l’OTAN, Jens Stoltenberg, recevra le Premier ministre "
                "des Pays-Bas, Mark Rutte, au siège de l’OTAN à Bruxelles le jeudi 9 novembre "
                "2023. Leurs entretiens porteront sur le soutien à l’Ukraine, la formation de "
                "pilotes ukrainiens sur F-16 et les dépenses de défense dans l’Alliance.</p>",
            ),
            (
                "paragraph",
                "<p>14 h 30 : arrivée du Premier ministre, séance photo à l’entrée (pool). "
                "14 h 35 : réunion, fermée à la presse. 15 h 00 : point de presse commun du "
                "secrétaire général et du Premier ministre, suivi de quelques questions.</p>",
            ),
            (
                "paragraph",
                "<p>Le point de presse commun sera diffusé en direct sur le site de l’OTAN et sur "
                "ses chaînes vidéo ; photos et vidéos de la visite pourront être téléchargées "
                "gratuitement peu après. La transcription des déclarations sera publiée en "
                "anglais et en français dans l’après-midi.</p>",
            ),
            (
                "paragraph",
                "<p>Les membres du pool se présenteront à l’entrée des visiteurs avant 13 h 45, "
                "munis de leur carte de presse et d’une pièce d’identité ; le matériel sera "
                "contrôlé à l’arrivée. Il n’y a pas de stationnement au siège.</p>",
            ),
        ],
    },
    "speech-by-the-secretary-general-accepting-the-kissinger-prize": {
        "title": "Discours du secrétaire général à la remise du prix Henry A. Kissinger 2023",
        "slug": "discours-du-secretaire-general-prix-kissinger",
        "dateline": "Berlin",
        "teaser": (
            "En recevant le prix Henry A. Kissinger à l’American Academy de Berlin, Jens "
            "Stoltenberg a parlé de ce qui unit l’Europe et l’Amérique du Nord, et de "
            "l’importance de ce lien pour l’Ukraine."
        ),
        "event": "Cérémonie de remise du prix Henry A. Kissinger",
        "place": "Berlin, American Academy",
        "body": [
            (
                "paragraph",
                "<p>Merci pour ce prix et pour vos paroles aimables. Je l’accepte avec "
                "gratitude, en sachant qu’il revient moins à moi qu’aux personnes qui font vivre "
                "notre Alliance chaque jour : les diplomates, les civils et surtout les femmes et "
                "les hommes en uniforme qui protègent un milliard de personnes.</p>",
            ),
            (
                "paragraph",
                "<p>Depuis plus de soixante-dix ans, l’Europe et l’Amérique du Nord se tiennent "
                "côte à côte. Non parce que nous sommes toujours d’accord ; nous le sommes "
                "souvent pas. Mais parce que nous avons appris que nous sommes plus en sécurité "
                "ensemble que séparés. Cette leçon est inscrite dans l’histoire de cette ville, "
                "longtemps divisée, aujourd’hui unie et libre.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Soutenir l’Ukraine n’est pas de la charité. C’est un investissement dans "
                        "notre propre sécurité."
                    ),
                    "attribution": SECRETARY_GENERAL,
                },
            ),
            (
                "paragraph",
                "<p>Aujourd’hui, cette unité est mise à l’épreuve par la guerre de la Russie "
                "contre l’Ukraine. Les Alliés ont apporté à l’Ukraine un soutien sans précédent, "
                "et l’Allemagne est devenue l’un de ses principaux fournisseurs d’aide militaire. "
                "Nous devons continuer, aussi longtemps qu’il le faudra, car si le président "
                "Poutine l’emporte en Ukraine, le monde deviendra plus dangereux et nous plus "
                "vulnérables.</p>",
            ),
            (
                "paragraph",
                "<p>Je remercie donc l’American Academy pour cet honneur, et l’Allemagne pour son "
                "leadership. Gardons solide le lien transatlantique. Merci.</p>",
            ),
        ],
    },
}

EXPLAINER = {
    "title": "Cinq mythes russes démontés",
    "slug": "cinq-mythes-russes-demontes",
    "introduction": (
        "Certaines affirmations sur l’OTAN sont répétées si souvent qu’elles finissent par "
        "passer pour des faits. Voici cinq des plus courantes, confrontées aux faits."
    ),
    "body": [
        (
            "paragraph",
            "<h2>Mythe 1 : l’OTAN aurait promis de ne jamais accueillir de nouveaux membres</h2>"
            "<p>Aucun engagement de ce type n’a jamais été pris. Le traité de 1990 sur la "
            "réunification allemande ne portait que sur l’Allemagne, et l’article 10 du traité "
            "fondateur de l’OTAN a toujours permis à d’autres États européens d’y adhérer. La "
            "Russie elle-même a signé l’Acte final d’Helsinki et la Charte de Paris, qui "
            "reconnaissent à chaque pays le droit de choisir ses alliances.</p>",
        ),
        (
            "paragraph",
            "<h2>Mythe 2 : l’OTAN encerclerait la Russie</h2>"
            "<p>Seule une petite partie de l’immense frontière terrestre de la Russie touche des "
            "pays de l’OTAN. La Finlande et la Suède ont demandé à adhérer en 2022 parce que la "
            "Russie avait attaqué l’Ukraine, et non parce que l’Alliance était allée les "
            "chercher.</p>",
        ),
        (
            "paragraph",
            "<h2>Mythe 3 : l’OTAN serait une alliance agressive</h2>"
            "<p>L’OTAN est une alliance défensive. Son engagement fondamental, l’article 5, veut "
            "qu’une attaque contre un Allié soit considérée comme une attaque contre tous. Toute "
            "décision requiert l’accord de l’ensemble des membres.</p>",
        ),
        (
            "paragraph",
            "<h2>Mythe 4 : l’Occident aurait provoqué la guerre</h2>"
            "<p>L’Ukraine ne menaçait personne. La Russie a choisi de l’envahir en 2014, puis "
            "de nouveau en février 2022, en violation du droit international et de ses propres "
            "engagements à respecter les frontières de l’Ukraine.</p>",
        ),
        (
            "fact_box",
            {
                "title": "Mythe 5 : l’OTAN serait en guerre contre la Russie",
                "body": (
                    "<p>L’OTAN n’est pas partie au conflit. Les Alliés aident l’Ukraine à exercer "
                    "son droit de légitime défense, que l’article 51 de la Charte des Nations "
                    "unies garantit à tout État.</p>"
                ),
            },
        ),
    ],
}

FRONT_PAGE = {
    "title": "Salle de presse de l’OTAN",
    "slug": "home-fr",
    # English further-link title -> French; links to untranslated pages are left out in French.
    "more_links": {
        "NATO's response to Russia's invasion of Ukraine": (
            "La réponse de l’OTAN à l’invasion de l’Ukraine par la Russie"
        ),
    },
}

# --- texts outside the page tree (kept per language on the settings row and on each image) ---

ORGANISATION = {
    "name": "Organisation du Traité de l’Atlantique Nord",
    "short_name": "OTAN",
    "newsroom_title": "Salle de presse de l’OTAN",
    "copyright_holder": "OTAN",
    "usage_terms": (
        "Contenu de démonstration. Les textes de ce site ont été écrits pour présenter "
        "Newsroom et reprennent l’actualité publiée par l’OTAN en novembre 2023 ; ce ne sont "
        "pas des déclarations officielles de l’OTAN. Les illustrations ont été dessinées pour "
        "la démonstration et peuvent être réutilisées avec la mention « OTAN (illustration) »."
    ),
    "press_office_name": "Section Presse et médias",
    "press_office_address": "Siège de l’OTAN\nBoulevard Léopold III\n1110 Bruxelles, Belgique",
    "accessibility_url": "/fr/accessibilite/",
    "privacy_url": "/fr/protection-des-donnees/",
    "terms_url": "/fr/conditions-d-utilisation/",
}

# demo.content.ABOUT_PAGES in French, by the English slug.
ABOUT_PAGES = {
    "accessibility": {
        "slug": "accessibilite",
        "title": "Déclaration d’accessibilité",
        "introduction": (
            "Cette salle de presse doit pouvoir être utilisée par tous, quels que soient "
            "l’appareil ou l’aide technique avec lesquels on la consulte."
        ),
        "body": [
            (
                "paragraph",
                "<p>Les pages sont conçues pour respecter les règles pour l’accessibilité des "
                "contenus web (WCAG) 2.2, niveau AA : elles se lisent et s’utilisent au clavier "
                "seul, avec un lecteur d’écran et à tout niveau de zoom, et chaque image porte "
                "une alternative textuelle.</p>",
            ),
            (
                "paragraph",
                "<p>Si une partie du site vous est difficile d’accès, écrivez au service de "
                "presse à press@example.org. Nous répondons sous cinq jours ouvrés.</p>",
            ),
        ],
    },
    "privacy-notice": {
        "slug": "protection-des-donnees",
        "title": "Protection des données",
        "introduction": "Ce que cette salle de presse enregistre sur ses lecteurs, et pourquoi.",
        "body": [
            (
                "paragraph",
                "<p>La lecture de la salle de presse ne dépose aucun cookie de suivi et ne charge "
                "rien depuis les serveurs d’autres entreprises. Les serveurs web conservent des "
                "journaux techniques 30 jours au plus, pour assurer le bon fonctionnement et la "
                "sécurité du service.</p>",
            ),
            (
                "paragraph",
                "<p>Si vous vous abonnez aux alertes par e-mail, nous conservons votre adresse et "
                "vos choix jusqu’à votre désabonnement, possible en un clic depuis chaque "
                "message.</p>",
            ),
        ],
    },
    "terms-of-use": {
        "slug": "conditions-d-utilisation",
        "title": "Conditions d’utilisation",
        "introduction": (
            "Comment les textes, photos et vidéos de cette salle de presse peuvent être réutilisés."
        ),
        "body": [
            (
                "paragraph",
                "<p>Les actualités peuvent être citées et reprises à des fins éditoriales, en "
                "nommant la source. Les photos et vidéos portent leur propre mention de crédit, "
                "qui doit les accompagner.</p>",
            ),
        ],
    },
}

IMAGE_CREDIT = "OTAN (illustration)"

# Illustration key (demo.images.ILLUSTRATIONS) -> French alt text and caption. The words drawn
# on the pictures are English, so the alt text quotes them as they are.
IMAGES = {
    "eu-nato": {
        "alt": (
            "Illustration : un cercle de douze étoiles dorées sur fond bleu, à côté d’une étoile "
            "de boussole blanche à quatre branches dans un cercle sur un bleu plus sombre, avec "
            "l’inscription « NATO and EU »."
        ),
        "caption": "L’Union européenne et l’OTAN.",
    },
    "latvia": {
        "alt": (
            "Illustration : les bandes horizontales carmin, blanche et carmin du drapeau letton, "
            "avec une étoile de boussole blanche sur un disque bleu dans le coin, et "
            "l’inscription « Latvia »."
        ),
        "caption": "La Lettonie est membre de l’OTAN depuis 2004.",
    },
    "undersea": {
        "alt": (
            "Illustration : une coupe de la mer, bleu clair en surface et sombre en profondeur, "
            "avec un pipeline gris et un câble jaune posés sur le fond sableux, et l’inscription "
            "« Undersea infrastructure »."
        ),
        "caption": "Pipelines et câbles de données relient les Alliés par le fond de la mer.",
    },
    "e7-wedgetail": {
        "alt": (
            "Illustration : la silhouette grise d’un avion à réaction portant un long radar plat "
            "sur le fuselage, dans un ciel bleu pâle sous un soleil pâle, avec l’inscription "
            "« E-7A Wedgetail »."
        ),
        "caption": "L’avion de détection et de contrôle aéroporté E-7A Wedgetail.",
    },
    "e3-and-e7": {
        "alt": (
            "Illustration : deux silhouettes d’avions l’une au-dessus de l’autre ; celle du haut "
            "porte un grand radôme en forme de disque sur des mâts, celle du bas un long radar "
            "plat sur le dos."
        ),
        "caption": "L’AWACS E-3A et le E-7A Wedgetail.",
    },
    "council-table": {
        "alt": (
            "Illustration : une table ovale avec une étoile de boussole bleue au centre, entourée "
            "de 32 sièges dont un est en jaune, sur un fond bleu et jaune, avec l’inscription "
            "« NATO-Ukraine Council »."
        ),
        "caption": "L’Ukraine siège parmi les Alliés au Conseil OTAN-Ukraine.",
    },
    "bulgaria": {
        "alt": (
            "Illustration : les bandes blanche, verte et rouge du drapeau bulgare, traversées en "
            "bas à droite de vagues blanches, avec une étoile de boussole blanche sur un disque "
            "bleu et l’inscription « Bulgaria »."
        ),
        "caption": "La Bulgarie est l’un des Alliés riverains de la mer Noire.",
    },
    "black-sea-sketch": {
        "alt": (
            "Croquis : le contour de la mer Noire en bleu foncé sur des terres couleur sable, "
            "avec des points rouges sur sa côte ouest et les mots « Black Sea »."
        ),
        "caption": "La région de la mer Noire.",
    },
    "first-aid": {
        "alt": (
            "Illustration : un panneau de premiers secours vert à croix blanche, sur le bleu et "
            "le jaune du drapeau ukrainien à gauche et le bleu, le jaune et le rouge du drapeau "
            "roumain à droite, avec l’inscription « First aid »."
        ),
        "caption": "Ukraine et Roumanie : formation aux premiers secours pour les secouristes.",
    },
    "medal": {
        "alt": (
            "Illustration : une médaille dorée gravée du nombre 75, suspendue à un ruban bleu et "
            "rouge sur fond sombre, avec l’inscription « CIOR 75 »."
        ),
        "caption": "La médaille du 75e anniversaire de la CIOR.",
    },
    "resilience": {
        "alt": (
            "Illustration : sept anneaux de couleur entrelacés en cercle sur fond pâle, à côté "
            "d’une bande verticale bleue, jaune et rouge, avec l’inscription « Resilience »."
        ),
        "caption": "Sept exigences, une société résiliente.",
    },
    "seven-requirements": {
        "alt": "Schéma : sept disques de couleur alignés, numérotés de 1 à 7.",
        "caption": "Les sept exigences de base de l’OTAN pour la résilience nationale.",
    },
    "video-poster": {
        "alt": (
            "Illustration : un bouton de lecture blanc entre un cercle d’étoiles dorées sur fond "
            "bleu et une étoile de boussole blanche sur un bleu plus sombre, avec l’inscription "
            "« Video »."
        ),
        "caption": "L’Union européenne : un partenaire unique et essentiel pour l’OTAN.",
    },
    "netherlands": {
        "alt": (
            "Illustration : les bandes rouge, blanche et bleue du drapeau néerlandais avec une "
            "étoile de boussole blanche sur un disque bleu, et l’inscription « Netherlands »."
        ),
        "caption": "Les Pays-Bas sont un membre fondateur de l’OTAN.",
    },
    "prize": {
        "alt": (
            "Illustration : un anneau doré contenant l’année 2023, encadré de deux arcs de "
            "feuilles dorées sur fond vert foncé, avec l’inscription « Kissinger Prize »."
        ),
        "caption": "Le prix Henry A. Kissinger 2023.",
    },
}

# Portrait background colours (demo.content.PEOPLE) in French.
COLOURS = {
    "slate grey": "gris ardoise",
    "orange-brown": "brun orangé",
    "dark blue": "bleu foncé",
    "dark green": "vert foncé",
    "royal blue": "bleu roi",
    "deep red": "rouge profond",
    "violet": "violet",
}


def portrait_alt(name, colour_name, initials):
    return (
        f"Portrait provisoire de {name} : une silhouette claire en buste sur fond "
        f"{COLOURS[colour_name]}, marquée des initiales {initials}."
    )


def logo_alt(drawn_words):
    return (
        "Logo de la salle de presse de l’OTAN : une étoile de boussole blanche à quatre "
        f"branches dans un cercle sur fond bleu, au-dessus des mots « {drawn_words} »."
    )
