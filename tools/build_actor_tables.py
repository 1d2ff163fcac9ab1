# ruff: noqa: E501, SIM905
"""Hand-written actor knowledge used by ``tools/build_actor_data.py`` (not shipped at run time).

Written by the bilateral authors from general knowledge (no third-party text copied).
Country lines: ``CODE | extra aliases | adjectives/demonyms | metonyms``; a metonym may carry a
sector as ``Name=SEC``.  Names are ``;``-separated.
"""

COUNTRIES = """
AFG | Islamic Republic of Afghanistan;Islamic Emirate of Afghanistan | Afghan;Afghans;Afghani | Kabul
ALB | | Albanian;Albanians | Tirana
DZA | | Algerian;Algerians | Algiers
AND | | Andorran | Andorra la Vella
AGO | | Angolan;Angolans | Luanda
ATG | Antigua | Antiguan | St. John's
ARG | | Argentine;Argentinian;Argentines;Argentinians | Buenos Aires;Casa Rosada=GOV
ARM | | Armenian;Armenians | Yerevan
AUS | | Australian;Australians;Aussie | Canberra;Reserve Bank of Australia=GOV
AUT | | Austrian;Austrians | Vienna
AZE | | Azerbaijani;Azeri;Azerbaijanis;Azeris | Baku
BHS | the Bahamas | Bahamian | Nassau
BHR | Kingdom of Bahrain | Bahraini;Bahrainis | Manama
BGD | East Pakistan | Bangladeshi;Bangladeshis | Dhaka;Dacca
BRB | | Barbadian;Bajan | Bridgetown
BLR | Byelorussia;Belorussia | Belarusian;Belarusians;Byelorussian | Minsk
BEL | | Belgian;Belgians |
BLZ | | Belizean | Belmopan
BEN | Dahomey | Beninese | Porto-Novo;Cotonou
BTN | | Bhutanese | Thimphu
BOL | | Bolivian;Bolivians | La Paz;Sucre
BIH | Bosnia;Bosnia-Herzegovina;Bosnia-Hercegovina | Bosnian;Bosnians | Sarajevo
BWA | | Botswanan;Motswana;Batswana | Gaborone
BRA | | Brazilian;Brazilians | Brasilia;Planalto=GOV;Itamaraty=GOV
BRN | Brunei Darussalam | Bruneian | Bandar Seri Begawan
BGR | | Bulgarian;Bulgarians | Sofia
BFA | Upper Volta | Burkinabe;Burkinabè | Ouagadougou
BDI | | Burundian;Burundians | Gitega;Bujumbura
CPV | Cape Verde | Cape Verdean | Praia
KHM | Kampuchea | Cambodian;Cambodians;Khmer | Phnom Penh
CMR | | Cameroonian;Cameroonians | Yaounde
CAN | | Canadian;Canadians | Ottawa;Bank of Canada=GOV
CAF | CAR | Central African | Bangui
TCD | | Chadian;Chadians | N'Djamena
CHL | | Chilean;Chileans | Santiago
CHN | People's Republic of China;PRC;mainland China;Red China;Communist China | Chinese;Sino | Beijing;Peking;Zhongnanhai=GOV;People's Bank of China=GOV;PBOC=GOV;PLA=MIL;People's Liberation Army=MIL
COL | | Colombian;Colombians | Bogota
COM | the Comoros | Comoran;Comorian | Moroni
COG | Congo-Brazzaville;Republic of Congo;Republic of the Congo | Congolese | Brazzaville
CRI | | Costa Rican;Costa Ricans |
CIV | Ivory Coast;Cote d'Ivoire;Côte d'Ivoire | Ivorian;Ivorians | Abidjan;Yamoussoukro
HRV | | Croatian;Croatians;Croat;Croats | Zagreb
CUB | | Cuban;Cubans | Havana
CYP | | Cypriot;Cypriots | Nicosia
CZE | Czechia;Czech Republic | Czech;Czechs | Prague
PRK | North Korea;DPRK;D.P.R.K.;Democratic People's Republic of Korea | North Korean;North Koreans | Pyongyang
COD | DR Congo;DRC;Democratic Republic of Congo;Democratic Republic of the Congo;Congo-Kinshasa;Zaire | Zairean;Zairian | Kinshasa
DNK | | Danish;Dane;Danes | Copenhagen
DJI | | Djiboutian | Djibouti City
DMA | Commonwealth of Dominica | | Roseau
DOM | | Dominican;Dominicans | Santo Domingo
ECU | | Ecuadorean;Ecuadorian;Ecuadoreans;Ecuadorians | Quito
EGY | Arab Republic of Egypt | Egyptian;Egyptians | Cairo
SLV | | Salvadoran;Salvadorean;Salvadorans | San Salvador
GNQ | | Equatorial Guinean;Equatoguinean | Malabo
ERI | | Eritrean;Eritreans | Asmara
EST | | Estonian;Estonians | Tallinn
SWZ | Eswatini;Swaziland | Swazi;Swazis | Mbabane
ETH | | Ethiopian;Ethiopians | Addis Ababa
FJI | | Fijian;Fijians | Suva
FIN | | Finnish;Finn;Finns | Helsinki
FRA | | French;Frenchman;Frenchmen | Paris;Bank of France=GOV;Banque de France=GOV;Elysee=GOV;Élysée=GOV;Elysee Palace=GOV;Quai d'Orsay=GOV;Matignon=GOV
GAB | | Gabonese | Libreville
GMB | the Gambia | Gambian;Gambians | Banjul
GEO | | Georgian;Georgians | Tbilisi
DEU | West Germany;Federal Republic of Germany;FRG | German;Germans;West German;West Germans | Berlin;Bonn;Bundesbank=GOV;Bundestag=LEG;Chancellery=GOV
GHA | | Ghanaian;Ghanaians | Accra
GRC | Hellenic Republic | Greek;Greeks;Hellenic | Athens
GRD | | Grenadian | St. George's
GTM | | Guatemalan;Guatemalans | Guatemala City
GIN | Guinea-Conakry | Guinean;Guineans | Conakry
GNB | Guinea Bissau | Bissau-Guinean | Bissau
GUY | | Guyanese |
HTI | | Haitian;Haitians | Port-au-Prince
HND | | Honduran;Hondurans | Tegucigalpa
HUN | | Hungarian;Hungarians | Budapest
ISL | | Icelandic;Icelander;Icelanders | Reykjavik
IND | Republic of India;Bharat | Indian;Indians | New Delhi;Delhi;South Block=GOV;Reserve Bank of India=GOV;RBI=GOV
IDN | | Indonesian;Indonesians | Jakarta
IRN | Islamic Republic of Iran;Persia | Iranian;Iranians;Persian | Tehran;Teheran
IRQ | | Iraqi;Iraqis | Baghdad
IRL | Republic of Ireland;Eire | Irish | Dublin
ISR | State of Israel | Israeli;Israelis | Jerusalem;Tel Aviv;Knesset=LEG
ITA | | Italian;Italians | Rome;Palazzo Chigi=GOV;Bank of Italy=GOV
JAM | | Jamaican;Jamaicans | Kingston
JPN | | Japanese | Tokyo;Bank of Japan=GOV;MITI=GOV;Ministry of International Trade and Industry=GOV;Kasumigaseki=GOV
JOR | Hashemite Kingdom of Jordan | Jordanian;Jordanians | Amman
KAZ | | Kazakh;Kazakhstani;Kazakhs | Astana;Nur-Sultan;Almaty;Alma-Ata
KEN | | Kenyan;Kenyans | Nairobi
KIR | | I-Kiribati | Tarawa
KWT | State of Kuwait | Kuwaiti;Kuwaitis | Kuwait City
KGZ | Kirghizia;Kyrgyz Republic | Kyrgyz;Kirghiz | Bishkek
LAO | Laos;Lao PDR | Lao;Laotian;Laotians | Vientiane
LVA | | Latvian;Latvians | Riga
LBN | | Lebanese | Beirut
LSO | | Basotho;Mosotho | Maseru
LBR | | Liberian;Liberians | Monrovia
LBY | | Libyan;Libyans | Tripoli
LIE | | Liechtensteiner | Vaduz
LTU | | Lithuanian;Lithuanians | Vilnius
LUX | | Luxembourgish;Luxembourger | Luxembourg City
MDG | | Malagasy;Madagascan | Antananarivo
MWI | | Malawian;Malawians | Lilongwe
MYS | | Malaysian;Malaysians | Kuala Lumpur;Putrajaya
MDV | the Maldives | Maldivian;Maldivians |
MLI | | Malian;Malians | Bamako
MLT | | Maltese | Valletta
MHL | the Marshall Islands | Marshallese | Majuro
MRT | | Mauritanian;Mauritanians | Nouakchott
MUS | | Mauritian;Mauritians | Port Louis
MEX | | Mexican;Mexicans | Mexico City;Los Pinos=GOV
FSM | Micronesia;Federated States of Micronesia | Micronesian | Palikir
MCO | | Monegasque | Monaco-Ville
MNG | | Mongolian;Mongolians | Ulan Bator;Ulaanbaatar
MNE | | Montenegrin;Montenegrins | Podgorica
MAR | Kingdom of Morocco | Moroccan;Moroccans | Rabat
MOZ | | Mozambican;Mozambicans | Maputo
MMR | Burma | Myanmar;Burmese | Naypyidaw;Naypyitaw;Yangon;Rangoon
NAM | | Namibian;Namibians | Windhoek
NRU | | Nauruan | Yaren
NPL | | Nepali;Nepalese | Kathmandu
NLD | the Netherlands;Holland | Dutch | Amsterdam;The Hague
NZL | | New Zealander;New Zealanders;Kiwi | Wellington
NIC | | Nicaraguan;Nicaraguans | Managua
NER | | Nigerien;Nigeriens | Niamey
NGA | | Nigerian;Nigerians | Abuja;Lagos
MKD | North Macedonia;Macedonia;Former Yugoslav Republic of Macedonia;FYROM | Macedonian;Macedonians | Skopje
NOR | | Norwegian;Norwegians | Oslo
OMN | Sultanate of Oman | Omani;Omanis | Muscat
PAK | Islamic Republic of Pakistan | Pakistani;Pakistanis | Islamabad;Rawalpindi=MIL;GHQ=MIL;State Bank of Pakistan=GOV;SBP=GOV;ISI=SPY;Inter-Services Intelligence=SPY;ISPR=MIL
PLW | | Palauan | Ngerulmud
PAN | | Panamanian;Panamanians | Panama City
PNG | | Papua New Guinean | Port Moresby
PRY | | Paraguayan;Paraguayans | Asuncion
PER | | Peruvian;Peruvians | Lima
PHL | the Philippines | Philippine;Filipino;Filipinos | Manila;Malacanang=GOV;Malacañang=GOV
POL | | Polish;Pole;Poles | Warsaw
PRT | | Portuguese | Lisbon
QAT | State of Qatar | Qatari;Qataris | Doha
KOR | Korea;South Korea;Republic of Korea;ROK | South Korean;South Koreans | Seoul;Bank of Korea=GOV;Blue House=GOV;Cheong Wa Dae=GOV
MDA | Moldova | Moldovan;Moldovans | Chisinau
ROU | Rumania | Romanian;Romanians;Rumanian | Bucharest
RUS | Russia;Soviet Union;USSR;U.S.S.R.;the Soviet Union;Russian Federation | Russian;Russians;Soviet;Soviets | Moscow;Kremlin=GOV;the Kremlin=GOV
RWA | | Rwandan;Rwandans | Kigali
KNA | St Kitts and Nevis;St. Kitts and Nevis;Saint Kitts | Kittitian | Basseterre
LCA | St Lucia;St. Lucia | Saint Lucian | Castries
VCT | St Vincent and the Grenadines;St. Vincent | Vincentian | Kingstown
WSM | Western Samoa | Samoan;Samoans | Apia
SMR | | Sammarinese | San Marino City
STP | Sao Tome | Santomean | Sao Tome City
SAU | Kingdom of Saudi Arabia;KSA;Saudi | Saudi;Saudis;Saudi Arabian | Riyadh;Jeddah;Saudi Arabian Monetary Agency=GOV;Saudi Central Bank=GOV;Aramco=BUS;Saudi Aramco=BUS
SEN | | Senegalese | Dakar
SRB | Yugoslavia;Federal Republic of Yugoslavia;Serbia and Montenegro | Serbian;Serbs;Serb;Yugoslav;Yugoslavs | Belgrade
SYC | the Seychelles | Seychellois |
SLE | | Sierra Leonean;Sierra Leoneans | Freetown
SGP | | Singaporean;Singaporeans | Singapore City
SVK | Slovak Republic | Slovak;Slovaks;Slovakian | Bratislava
SVN | | Slovenian;Slovene;Slovenians;Slovenes | Ljubljana
SLB | the Solomon Islands | Solomon Islander | Honiara
SOM | | Somali;Somalis;Somalian | Mogadishu
ZAF | Republic of South Africa | South African;South Africans | Pretoria;Cape Town;Union Buildings=GOV
SSD | | South Sudanese | Juba
ESP | | Spanish;Spaniard;Spaniards | Madrid;Moncloa=GOV
LKA | Ceylon | Sri Lankan;Sri Lankans;Ceylonese | Colombo;Sri Jayawardenepura Kotte
SDN | | Sudanese | Khartoum
SUR | | Surinamese | Paramaribo
SWE | | Swedish;Swede;Swedes | Stockholm
CHE | | Swiss | Bern;Berne;Swiss National Bank=GOV
SYR | Syrian Arab Republic | Syrian;Syrians | Damascus
TJK | | Tajik;Tajiks;Tajikistani | Dushanbe
THA | Siam | Thai;Thais | Bangkok
TLS | East Timor;Timor Leste | Timorese;East Timorese | Dili
TGO | | Togolese | Lome
TON | | Tongan;Tongans | Nuku'alofa
TTO | Trinidad | Trinidadian;Trinidadians | Port of Spain
TUN | | Tunisian;Tunisians | Tunis
TUR | Turkey;Türkiye;Turkiye | Turkish;Turk;Turks | Ankara
TKM | | Turkmen;Turkmens | Ashgabat;Ashkhabad
TUV | | Tuvaluan | Funafuti
UGA | | Ugandan;Ugandans | Kampala
UKR | the Ukraine | Ukrainian;Ukrainians | Kyiv;Kiev
ARE | UAE;U.A.E.;the Emirates;United Arab Emirates | Emirati;Emiratis | Abu Dhabi;Dubai
GBR | UK;U.K.;Britain;Great Britain;United Kingdom;England;Scotland;Wales;Northern Ireland | British;Briton;Britons;English;Scottish;Welsh;Brits | London;Bank of England=GOV;Downing Street=GOV;Whitehall=GOV;Westminster=LEG;Number 10=GOV;No. 10=GOV;Buckingham Palace=GOV
TZA | Tanzania | Tanzanian;Tanzanians | Dodoma;Dar es Salaam
USA | United States;US;U.S.;U.S;USA;U.S.A.;America;United States of America | American;Americans;U.S.;US | Washington;Washington D.C.;White House=GOV;Pentagon=MIL;the Pentagon=MIL;State Department=GOV;Foggy Bottom=GOV;Capitol Hill=LEG;US Congress=LEG;U.S. Congress=LEG;Treasury Department=GOV;U.S. Treasury=GOV;Langley=SPY;CIA=SPY;Oval Office=GOV;Export-Import Bank=GOV;Exim Bank=GOV;U.S. Export-Import Bank=GOV;USAID=GOV;USTR=GOV;Federal Reserve=GOV;Federal Reserve Board=GOV;the Fed=GOV;Wall Street=BUS;USDA=GOV;U.S. Agriculture Department=GOV;Agriculture Department=GOV;Commerce Department=GOV;U.S. Commerce Department=GOV;Labor Department=GOV;Justice Department=GOV;Securities and Exchange Commission=GOV;U.S. Trade Representative=GOV;Office of the U.S. Trade Representative=GOV
URY | | Uruguayan;Uruguayans | Montevideo
UZB | | Uzbek;Uzbeks;Uzbekistani | Tashkent
VUT | | Ni-Vanuatu | Port Vila
VEN | | Venezuelan;Venezuelans | Caracas;Miraflores=GOV
VNM | Vietnam;Viet Nam;Socialist Republic of Vietnam | Vietnamese | Hanoi;Ho Chi Minh City;Saigon
YEM | North Yemen;South Yemen | Yemeni;Yemenis | Sanaa;Sana'a;Aden
ZMB | | Zambian;Zambians | Lusaka
ZWE | Rhodesia | Zimbabwean;Zimbabweans | Harare;Salisbury
VAT | Holy See;Vatican;Vatican City | Vatican;Papal | Vatican City
PSE | Palestine;Palestinian territories;Palestinian Authority;West Bank;Gaza;Gaza Strip;State of Palestine | Palestinian;Palestinians | Ramallah
TWN | Taiwan;Republic of China;ROC;Formosa;Chinese Taipei | Taiwanese | Taipei
HKG | Hong Kong;Hongkong | Hong Konger;Hong Kongers |
MAC | Macau;Macao | Macanese |
XKX | Kosovo;Republic of Kosovo | Kosovar;Kosovars;Kosovan | Pristina;Prishtina
ESH | Western Sahara;Sahrawi Arab Democratic Republic;SADR | Sahrawi;Sahrawis | Laayoune;El Aaiun
PRI | Puerto Rico | Puerto Rican;Puerto Ricans | San Juan
GRL | Greenland | Greenlandic;Greenlander | Nuuk
DDR | East Germany;German Democratic Republic;GDR | East German;East Germans | East Berlin;Pankow
CSK | Czechoslovakia | Czechoslovak;Czechoslovakian |
"""

# ISO codes of the 193 UN member states.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
UN_OBSERVERS = ["VAT", "PSE"]
PARTIALLY_RECOGNIZED = ["TWN", "XKX", "ESH"]
# Not in ISO 3166-1 (or withdrawn from it): code, name.
EXTRA_STATES = {
    "XKX": "Kosovo",  # user-assigned code used by the EU and IMF
    "DDR": "East Germany",  # withdrawn ISO code (German Democratic Republic, to 1990-10-03)
    "CSK": "Czechoslovakia",  # withdrawn ISO code (to 1992-12-31)
}
# Display names where pycountry's is long or not the usual English short form.
NAME_OVERRIDES = {
    "BOL": "Bolivia", "VEN": "Venezuela", "IRN": "Iran", "KOR": "South Korea", "PRK": "North Korea",
    "LAO": "Laos", "SYR": "Syria", "TZA": "Tanzania", "RUS": "Russia", "MDA": "Moldova",
    "VNM": "Vietnam", "TWN": "Taiwan", "PSE": "Palestine", "FSM": "Micronesia",
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo", "BRN": "Brunei",
    "CPV": "Cape Verde", "CIV": "Ivory Coast", "CZE": "Czech Republic", "TUR": "Turkey",
    "VAT": "Vatican City", "MKD": "North Macedonia", "SWZ": "Eswatini", "GBR": "United Kingdom",
    "USA": "United States", "FLK": "Falkland Islands", "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands", "SXM": "Sint Maarten", "MAF": "Saint Martin",
    "SHN": "Saint Helena", "BES": "Caribbean Netherlands", "HKG": "Hong Kong", "MAC": "Macau",
}

# Historical or ambiguous names and the code chosen, documented in SOURCES.md.
# (Soviet Union -> RUS, Yugoslavia -> SRB, West Germany -> DEU, Zaire -> COD, Burma -> MMR ...)

# Phoenix place names that are common English words or name other places: not taken.
PLACE_STOPWORDS = {
    "nice", "reading", "victoria", "kingston", "san jose", "georgetown", "male", "independence",
    "liberty", "union", "republic", "state", "states", "congress", "washington", "mobile",
    "split", "bath", "wales", "orange", "concord", "eagle", "march", "may", "august", "dover",
    "cork", "sale", "ely", "hamilton", "paris", "london", "manchester", "birmingham", "perth",
    "cambridge", "oxford", "richmond", "salem", "alexandria", "memphis", "athens", "troy",
    "valencia", "cordoba", "granada", "lebanon", "peru", "toledo", "berlin", "moscow",
    "moron", "hippo", "nasser", "doris", "tara", "savoy", "vienne", "sava", "bara", "saga", "nara",
    "naze", "sabah", "timor", "papua", "lund", "susa", "aar", "bale", "surin", "banke", "parbat",
    "salyan", "palpa", "qara", "kochi", "austin", "dallas", "murray", "fuego", "eyre", "vladimir",
    "constantine", "soledad", "savanne", "marches", "riviera", "champagne", "waterloo", "molotov",
    "moonland", "sheepland", "vitoria", "madeira", "principe", "lawrence", "charlotte",
    "providence", "buffalo", "phoenix", "cleveland", "columbus", "rochester", "orlando", "fatah",
    "tobago", "volta", "sodom", "thebes", "hope", "brussels", "bruxelles", "geneva", "geneve",
    "delhi", "panama", "colombo", "the us", "us of a", "the uk", "columbia", "florence", "naples", "venice", "rome", "milan",
}

# IGOs: code | Phoenix/CAMEO full code | names (;).  Short codes are CAMEO's three-letter IGO codes
# where CAMEO has one (UNO, IMF, WBK, EUR (the EU, as the labelling conventions code it), NAT, ASN, OPC, GCC, ARL, OIC, SAA, IAE, WHO, ...);
# AFU (African Union), SCO, GTW (G20), BRI (BRICS), AIB (AIIB), NDB are this project's choices.
IGOS = """
UNO | IGOUNO | United Nations;UN;U.N.;the UN;the U.N.;UNO
UNO | IGOUNO | UN Security Council;U.N. Security Council;United Nations Security Council;Security Council;UNSC
UNO | IGOUNO | UN General Assembly;U.N. General Assembly;United Nations General Assembly;General Assembly;UNGA
UNO | IGOUNO | UN Secretary-General;U.N. Secretary-General;United Nations Secretary-General;UN Secretary General
HRC | IGOUNOHRI | UN Human Rights Council;U.N. Human Rights Council;Human Rights Council;UNHRC;Office of the High Commissioner for Human Rights;OHCHR
HCR | IGOUNOREFHCR | UNHCR;UN refugee agency;U.N. refugee agency;United Nations High Commissioner for Refugees
KID | IGOUNOKID | UNICEF;United Nations Children's Fund
UNP | IGOUNODEV | UNDP;United Nations Development Programme;UN Development Programme
WFP | IGOUNOWFP | WFP;World Food Programme;World Food Program;UN World Food Programme
FAO | IGOUNOAGRFAO | FAO;Food and Agriculture Organization;UN Food and Agriculture Organization
WHO | IGOUNOHLHWHO | WHO;World Health Organization;World Health Organisation
IAE | IGOUNOIAE | IAEA;International Atomic Energy Agency;UN nuclear watchdog;U.N. nuclear watchdog
ILO | IGOUNOLAB | ILO;International Labour Organization;International Labor Organization
UNE | IGOUNOEDU | UNESCO;United Nations Educational, Scientific and Cultural Organization
UNC | IGOUNOBUS | UNCTAD;UN Conference on Trade and Development;United Nations Conference on Trade and Development
UNW | IGOUNO | UNRWA;UN Relief and Works Agency
OCH | IGOUNO | OCHA;UN Office for the Coordination of Humanitarian Affairs
PKO | IGOUNOPKO | UN peacekeepers;U.N. peacekeepers;UN peacekeeping force;UN peacekeeping mission
ICJ | IGOUNOJUDICJ | International Court of Justice;ICJ;World Court
ICC | IGOJUDICC | International Criminal Court
IMF | IGOBUSIMF | International Monetary Fund;IMF
WBK | IGOUNODEVWBK | World Bank;World Bank Group;International Bank for Reconstruction and Development;IBRD;International Development Association;IDA
IFC | IGOUNODEVWBK | International Finance Corporation;IFC
ADB | IGOASADEVADB | Asian Development Bank;ADB
AIB | IGOASADEV | Asian Infrastructure Investment Bank;AIIB
NDB | IGODEV | New Development Bank;BRICS bank
IDB | IGOMOSDEVIDB | Islamic Development Bank;IsDB
IAD | IGOLAMDEVIAD | Inter-American Development Bank;IADB;IDB Group
AFB | IGOAFRDEVAFB | African Development Bank;AfDB
EBR | IGOEURDEVEBR | European Bank for Reconstruction and Development;EBRD
EIB | IGOEURDEV | European Investment Bank;EIB
ECB | IGOEUREEC | European Central Bank
BIS | IGOBUSBIS | Bank for International Settlements;BIS
PAR | IGOBUS | Paris Club
EUR | IGOEUREEC | European Union;EU;E.U.;the EU;EC;E.C.;European Communities;European Commission;EU Commission;Brussels;European Community;European Economic Community;EEC;Common Market;European Council;Council of the European Union
EPA | IGOEUREEC | European Parliament
SCE | IGOEURSCE | Council of Europe
NAT | IGOWSTNAT | NATO;North Atlantic Treaty Organization;North Atlantic Treaty Organisation;Atlantic Alliance
OSC | IGOEUROSC | OSCE;Organization for Security and Co-operation in Europe;Organization for Security and Cooperation in Europe;CSCE
ASN | IGOSEAASN | ASEAN;Association of Southeast Asian Nations;Association of South East Asian Nations
APC | IGOASABUS | APEC;Asia-Pacific Economic Cooperation
AFU | IGOAFRAFU | African Union;AU;Organization of African Unity;OAU;Organisation of African Unity
WAS | IGOWAFBUSWAS | ECOWAS;Economic Community of West African States
SAD | IGOSAF | SADC;Southern African Development Community
IGD | IGOEAF | IGAD;Intergovernmental Authority on Development
ARL | IGOMEAARL | Arab League;League of Arab States
GCC | IGOMEAGCC | Gulf Cooperation Council;GCC;Cooperation Council for the Arab States of the Gulf;Gulf Co-operation Council
OIC | IGOMOSOIC | Organisation of Islamic Cooperation;Organization of Islamic Cooperation;Organization of the Islamic Conference;Organisation of the Islamic Conference;OIC
OPC | IGOOPC | OPEC;Organization of the Petroleum Exporting Countries;Organization of Petroleum Exporting Countries;OPEC+;OPEC Plus
OAP | IGOMEA | OAPEC;Organization of Arab Petroleum Exporting Countries
WTO | IGOBUSWTO | World Trade Organization;World Trade Organisation;WTO
GAT | IGOBUSGAT | General Agreement on Tariffs and Trade;GATT
OEC | IGOWSTBUS | OECD;Organisation for Economic Co-operation and Development;Organization for Economic Cooperation and Development
SCO | IGOCAS | Shanghai Cooperation Organisation;Shanghai Cooperation Organization;SCO
CIS | IGOCASCIS | Commonwealth of Independent States;CIS
EAU | IGOCAS | Eurasian Economic Union;EAEU
CWN | IGOCWN | Commonwealth of Nations;Commonwealth Secretariat
SAA | IGOSASSAA | SAARC;South Asian Association for Regional Cooperation
BIM | IGOSAS | BIMSTEC
ECO | IGOCAS | Economic Cooperation Organization;Economic Cooperation Organisation
OAS | IGOOAS | Organization of American States;OAS
MER | IGOLAMBUS | Mercosur;Mercosul
CRC | IGOCAR | CARICOM;Caribbean Community
NOA | IGONAM | Non-Aligned Movement;NAM
GOS | IGOGOS | Group of Seven;G7;G-7;Group of 7
GOE | IGOBUSGOE | Group of Eight;G8;G-8
GTW | IGOBUS | Group of Twenty;G20;G-20;Group of 20
GSS | IGOBUSGSS | Group of 77;G77;G-77
BRI | IGOBUS | BRICS;BRIC
IEA | IGOUNOAIE | International Energy Agency;IEA
ITP | IGOCOPITP | Interpol
IOM | IGOUNOMIG | International Organization for Migration;IOM
FAT | IGOBUS | Financial Action Task Force;FATF
"""

# Sector phrases added to (or overriding) the Phoenix agents: phrase | agent code.
SECTOR_EXTRA = """
government | GOV
administration | GOV
authorities | GOV
official | GOV
officials | GOV
leader | GOV
leaders | GOV
leadership | GOV
spokesman | GOV
spokeswoman | GOV
spokesperson | GOV
spokesmen | GOV
spokeswomen | GOV
spokespersons | GOV
president | GOV
vice president | GOV
prime minister | GOV
premier | GOV
chancellor | GOV
king | GOV
emir | GOV
crown prince | GOV
sultan | GOV
foreign minister | GOV
foreign ministry | GOV
foreign secretary | GOV
foreign office | GOV
finance minister | GOV
finance ministry | GOV
commerce minister | GOV
commerce ministry | GOV
trade minister | GOV
trade ministry | GOV
economy minister | GOV
defence minister | GOV
defense minister | GOV
defence ministry | MIL
defense ministry | MIL
defense secretary | GOV
defence secretary | GOV
interior minister | GOV
interior ministry | GOV
central bank | GOV
central bank governor | GOV
state bank | GOV
treasury | GOV
cabinet | GOV
embassy | GOV
envoy | GOV
envoys | GOV
diplomats | GOV
delegation | GOV
negotiators | GOV
army chief | MIL
army chief of staff | MIL
armed forces | MIL
forces | MIL
troops | MIL
soldiers | MIL
military | MIL
navy | MIL
air force | MIL
generals | MIL
lawmakers | LEG
legislators | LEG
parliament | LEG
senate | LEG
national assembly | LEG
supreme court | JUD
high court | JUD
courts | JUD
judiciary | JUD
rebels | REB
insurgents | REB
militants | REB
separatists | REB
companies | BUS
company | BUS
firms | BUS
firm | BUS
businessmen | BUS
businesses | BUS
investors | BUS
exporters | BUS
importers | BUS
industry | BUS
police | COP
policemen | COP
intelligence agency | SPY
intelligence service | SPY
intelligence services | SPY
spy agency | SPY
opposition | OPP
opposition party | OPP
protesters | OPP
demonstrators | OPP
students | EDU
journalists | MED
media | MED
people | PPL
civilians | CVL
residents | CVL
"""

# Office-holders: name | aliases | country | sector | role | start | end (empty end = still in office).
# Roles: hos head of state, hog head of government, leader (party/supreme leader), fm foreign
# minister, fin finance minister, def defence minister, trade, army (army chief / chief of staff),
# cb central-bank governor, igo head of an international organisation.
OFFICEHOLDERS = """
Jimmy Carter | Carter;President Carter | USA | GOV | hos | 1977-01-20 | 1981-01-20
Ronald Reagan | Reagan;President Reagan | USA | GOV | hos | 1981-01-20 | 1989-01-20
George H. W. Bush | George H.W. Bush;George Bush;Bush;President Bush | USA | GOV | hos | 1989-01-20 | 1993-01-20
Bill Clinton | Clinton;William Clinton;President Clinton | USA | GOV | hos | 1993-01-20 | 2001-01-20
George W. Bush | George Bush;Bush;President Bush | USA | GOV | hos | 2001-01-20 | 2009-01-20
Barack Obama | Obama;President Obama | USA | GOV | hos | 2009-01-20 | 2017-01-20
Donald Trump | Trump;President Trump;Donald J. Trump | USA | GOV | hos | 2017-01-20 | 2021-01-20
Joe Biden | Biden;Joseph Biden;President Biden | USA | GOV | hos | 2021-01-20 | 2025-01-20
Donald Trump | Trump;President Trump;Donald J. Trump | USA | GOV | hos | 2025-01-20 |
Alexander Haig | Haig | USA | GOV | fm | 1981-01-22 | 1982-07-05
George Shultz | Shultz;George P. Shultz | USA | GOV | fm | 1982-07-16 | 1989-01-20
James Baker | Baker;James A. Baker | USA | GOV | fin | 1985-02-04 | 1988-08-17
James Baker | Baker;James A. Baker | USA | GOV | fm | 1989-01-25 | 1992-08-23
Lawrence Eagleburger | Eagleburger | USA | GOV | fm | 1992-08-23 | 1993-01-20
Warren Christopher | | USA | GOV | fm | 1993-01-20 | 1997-01-17
Madeleine Albright | Albright | USA | GOV | fm | 1997-01-23 | 2001-01-20
Colin Powell | Powell | USA | MIL | army | 1989-10-01 | 1993-09-30
Colin Powell | Powell | USA | GOV | fm | 2001-01-20 | 2005-01-26
Condoleezza Rice | Condoleeza Rice | USA | GOV | fm | 2005-01-26 | 2009-01-20
Hillary Clinton | Hillary Rodham Clinton;Clinton | USA | GOV | fm | 2009-01-21 | 2013-02-01
John Kerry | Kerry | USA | GOV | fm | 2013-02-01 | 2017-01-20
Rex Tillerson | Tillerson | USA | GOV | fm | 2017-02-01 | 2018-03-31
Mike Pompeo | Pompeo | USA | GOV | fm | 2018-04-26 | 2021-01-20
Antony Blinken | Blinken;Tony Blinken | USA | GOV | fm | 2021-01-26 | 2025-01-20
Marco Rubio | Rubio | USA | GOV | fm | 2025-01-21 |
Donald Regan | Regan;Donald T. Regan | USA | GOV | fin | 1981-01-22 | 1985-02-01
Nicholas Brady | Brady;Nicholas F. Brady | USA | GOV | fin | 1988-09-15 | 1993-01-17
Lloyd Bentsen | Bentsen | USA | GOV | fin | 1993-01-20 | 1994-12-22
Robert Rubin | Rubin | USA | GOV | fin | 1995-01-11 | 1999-07-02
Lawrence Summers | Larry Summers | USA | GOV | fin | 1999-07-02 | 2001-01-20
Paul O'Neill | | USA | GOV | fin | 2001-01-20 | 2002-12-31
John Snow | | USA | GOV | fin | 2003-02-03 | 2006-06-30
Henry Paulson | Hank Paulson;Paulson | USA | GOV | fin | 2006-07-10 | 2009-01-20
Timothy Geithner | Tim Geithner;Geithner | USA | GOV | fin | 2009-01-26 | 2013-01-25
Jack Lew | Jacob Lew | USA | GOV | fin | 2013-02-28 | 2017-01-20
Steven Mnuchin | Steve Mnuchin;Mnuchin | USA | GOV | fin | 2017-02-13 | 2021-01-20
Janet Yellen | Yellen | USA | GOV | cb | 2014-02-03 | 2018-02-03
Janet Yellen | Yellen | USA | GOV | fin | 2021-01-26 | 2025-01-20
Scott Bessent | Bessent | USA | GOV | fin | 2025-01-28 |
Caspar Weinberger | Weinberger | USA | GOV | def | 1981-01-21 | 1987-11-23
Frank Carlucci | Carlucci | USA | GOV | def | 1987-11-23 | 1989-01-20
Dick Cheney | Cheney;Richard Cheney | USA | GOV | def | 1989-03-21 | 1993-01-20
Les Aspin | Aspin | USA | GOV | def | 1993-01-20 | 1994-02-03
William Perry | | USA | GOV | def | 1994-02-03 | 1997-01-23
William Cohen | | USA | GOV | def | 1997-01-24 | 2001-01-20
Donald Rumsfeld | Rumsfeld | USA | GOV | def | 2001-01-20 | 2006-12-18
Robert Gates | | USA | GOV | def | 2006-12-18 | 2011-07-01
Leon Panetta | Panetta | USA | GOV | def | 2011-07-01 | 2013-02-26
Chuck Hagel | Hagel | USA | GOV | def | 2013-02-27 | 2015-02-17
Ashton Carter | Ash Carter | USA | GOV | def | 2015-02-17 | 2017-01-20
Jim Mattis | Mattis;James Mattis | USA | GOV | def | 2017-01-20 | 2019-01-01
Mark Esper | Esper | USA | GOV | def | 2019-07-23 | 2020-11-09
Lloyd Austin | | USA | GOV | def | 2021-01-22 | 2025-01-20
Pete Hegseth | Hegseth | USA | GOV | def | 2025-01-25 |
Bill Brock | William Brock | USA | GOV | trade | 1981-01-23 | 1985-04-29
Clayton Yeutter | Yeutter | USA | GOV | trade | 1985-07-01 | 1989-01-20
Carla Hills | | USA | GOV | trade | 1989-02-06 | 1993-01-20
Mickey Kantor | Kantor | USA | GOV | trade | 1993-01-22 | 1996-04-12
Charlene Barshefsky | Barshefsky | USA | GOV | trade | 1996-04-12 | 2001-01-20
Robert Zoellick | Zoellick | USA | GOV | trade | 2001-02-07 | 2005-02-22
Robert Lighthizer | Lighthizer | USA | GOV | trade | 2017-05-15 | 2021-01-20
Katherine Tai | | USA | GOV | trade | 2021-03-18 | 2025-01-20
Jamieson Greer | | USA | GOV | trade | 2025-02-27 |
Malcolm Baldrige | Baldrige | USA | GOV | trade | 1981-01-20 | 1987-07-25
Wilbur Ross | | USA | GOV | trade | 2017-02-28 | 2021-01-20
Gina Raimondo | Raimondo | USA | GOV | trade | 2021-03-03 | 2025-01-20
Howard Lutnick | Lutnick | USA | GOV | trade | 2025-02-21 |
Paul Volcker | Volcker | USA | GOV | cb | 1979-08-06 | 1987-08-11
Alan Greenspan | Greenspan | USA | GOV | cb | 1987-08-11 | 2006-01-31
Ben Bernanke | Bernanke | USA | GOV | cb | 2006-02-01 | 2014-01-31
Jerome Powell | Jay Powell;Powell | USA | GOV | cb | 2018-02-05 |
William Crowe | | USA | MIL | army | 1985-10-01 | 1989-09-30
John Shalikashvili | Shalikashvili | USA | MIL | army | 1993-10-25 | 1997-09-30
Hugh Shelton | | USA | MIL | army | 1997-10-01 | 2001-09-30
Richard Myers | | USA | MIL | army | 2001-10-01 | 2005-09-30
Peter Pace | | USA | MIL | army | 2005-09-30 | 2007-10-01
Mike Mullen | Admiral Mullen | USA | MIL | army | 2007-10-01 | 2011-09-30
Martin Dempsey | Dempsey | USA | MIL | army | 2011-10-01 | 2015-09-25
Joseph Dunford | Dunford | USA | MIL | army | 2015-10-01 | 2019-09-30
Mark Milley | Milley | USA | MIL | army | 2019-10-01 | 2023-09-30
Charles Q. Brown | | USA | MIL | army | 2023-10-01 | 2025-02-21
Dan Caine | | USA | MIL | army | 2025-04-11 |
Margaret Thatcher | Thatcher;Mrs Thatcher;Mrs. Thatcher | GBR | GOV | hog | 1979-05-04 | 1990-11-28
John Major | | GBR | GOV | hog | 1990-11-28 | 1997-05-02
Tony Blair | Blair | GBR | GOV | hog | 1997-05-02 | 2007-06-27
Gordon Brown | | GBR | GOV | hog | 2007-06-27 | 2010-05-11
David Cameron | Cameron | GBR | GOV | hog | 2010-05-11 | 2016-07-13
Theresa May | | GBR | GOV | hog | 2016-07-13 | 2019-07-24
Boris Johnson | | GBR | GOV | hog | 2019-07-24 | 2022-09-06
Liz Truss | Truss | GBR | GOV | hog | 2022-09-06 | 2022-10-25
Rishi Sunak | Sunak | GBR | GOV | hog | 2022-10-25 | 2024-07-05
Keir Starmer | Starmer | GBR | GOV | hog | 2024-07-05 |
Queen Elizabeth II | Queen Elizabeth;Elizabeth II | GBR | GOV | hos | 1952-02-06 | 2022-09-08
King Charles III | King Charles;Charles III | GBR | GOV | hos | 2022-09-08 |
Geoffrey Howe | Sir Geoffrey Howe;Howe | GBR | GOV | fm | 1983-06-11 | 1989-07-24
Douglas Hurd | Hurd | GBR | GOV | fm | 1989-10-26 | 1995-07-05
Malcolm Rifkind | Rifkind | GBR | GOV | fm | 1995-07-05 | 1997-05-02
Robin Cook | | GBR | GOV | fm | 1997-05-02 | 2001-06-08
Jack Straw | | GBR | GOV | fm | 2001-06-08 | 2006-05-05
Margaret Beckett | | GBR | GOV | fm | 2006-05-05 | 2007-06-27
David Miliband | | GBR | GOV | fm | 2007-06-28 | 2010-05-11
William Hague | Hague | GBR | GOV | fm | 2010-05-12 | 2014-07-14
Philip Hammond | | GBR | GOV | fm | 2014-07-15 | 2016-07-13
Boris Johnson | | GBR | GOV | fm | 2016-07-13 | 2018-07-09
Jeremy Hunt | | GBR | GOV | fm | 2018-07-09 | 2019-07-24
Dominic Raab | Raab | GBR | GOV | fm | 2019-07-24 | 2021-09-15
Liz Truss | Truss | GBR | GOV | fm | 2021-09-15 | 2022-09-06
James Cleverly | | GBR | GOV | fm | 2022-09-06 | 2023-11-13
David Cameron | Lord Cameron;Cameron | GBR | GOV | fm | 2023-11-13 | 2024-07-05
David Lammy | Lammy | GBR | GOV | fm | 2024-07-05 | 2025-09-05
Yvette Cooper | | GBR | GOV | fm | 2025-09-05 |
Nigel Lawson | Lawson | GBR | GOV | fin | 1983-06-11 | 1989-10-26
John Major | | GBR | GOV | fin | 1989-10-26 | 1990-11-28
Norman Lamont | Lamont | GBR | GOV | fin | 1990-11-28 | 1993-05-27
Kenneth Clarke | | GBR | GOV | fin | 1993-05-27 | 1997-05-02
Gordon Brown | | GBR | GOV | fin | 1997-05-02 | 2007-06-27
Alistair Darling | | GBR | GOV | fin | 2007-06-28 | 2010-05-11
George Osborne | Osborne | GBR | GOV | fin | 2010-05-11 | 2016-07-13
Philip Hammond | | GBR | GOV | fin | 2016-07-13 | 2019-07-24
Sajid Javid | | GBR | GOV | fin | 2019-07-24 | 2020-02-13
Rishi Sunak | Sunak | GBR | GOV | fin | 2020-02-13 | 2022-07-05
Jeremy Hunt | | GBR | GOV | fin | 2022-10-14 | 2024-07-05
Rachel Reeves | | GBR | GOV | fin | 2024-07-05 |
Robin Leigh-Pemberton | Leigh-Pemberton | GBR | GOV | cb | 1983-07-01 | 1993-06-30
Eddie George | | GBR | GOV | cb | 1993-07-01 | 2003-06-30
Mervyn King | | GBR | GOV | cb | 2003-07-01 | 2013-06-30
Mark Carney | Carney | GBR | GOV | cb | 2013-07-01 | 2020-03-15
Andrew Bailey | | GBR | GOV | cb | 2020-03-16 |
Helmut Kohl | Kohl;Chancellor Kohl | DEU | GOV | hog | 1982-10-01 | 1998-10-27
Gerhard Schroeder | Gerhard Schröder;Schroeder;Schröder | DEU | GOV | hog | 1998-10-27 | 2005-11-22
Angela Merkel | Merkel | DEU | GOV | hog | 2005-11-22 | 2021-12-08
Olaf Scholz | Scholz | DEU | GOV | fin | 2018-03-14 | 2021-12-08
Olaf Scholz | Scholz | DEU | GOV | hog | 2021-12-08 | 2025-05-06
Friedrich Merz | Merz | DEU | GOV | hog | 2025-05-06 |
Hans-Dietrich Genscher | Genscher | DEU | GOV | fm | 1974-05-17 | 1992-05-17
Klaus Kinkel | Kinkel | DEU | GOV | fm | 1992-05-18 | 1998-10-26
Joschka Fischer | | DEU | GOV | fm | 1998-10-27 | 2005-11-22
Frank-Walter Steinmeier | Steinmeier | DEU | GOV | fm | 2005-11-22 | 2009-10-28
Guido Westerwelle | Westerwelle | DEU | GOV | fm | 2009-10-28 | 2013-12-17
Frank-Walter Steinmeier | Steinmeier | DEU | GOV | fm | 2013-12-17 | 2017-01-27
Frank-Walter Steinmeier | Steinmeier | DEU | GOV | hos | 2017-03-19 |
Sigmar Gabriel | | DEU | GOV | fm | 2017-01-27 | 2018-03-14
Heiko Maas | | DEU | GOV | fm | 2018-03-14 | 2021-12-08
Annalena Baerbock | Baerbock | DEU | GOV | fm | 2021-12-08 | 2025-05-06
Johann Wadephul | Wadephul | DEU | GOV | fm | 2025-05-06 |
Gerhard Stoltenberg | | DEU | GOV | fin | 1982-10-04 | 1989-04-21
Theo Waigel | Waigel | DEU | GOV | fin | 1989-04-21 | 1998-10-26
Wolfgang Schaeuble | Wolfgang Schäuble;Schaeuble;Schäuble | DEU | GOV | fin | 2009-10-28 | 2017-10-24
Christian Lindner | Lindner | DEU | GOV | fin | 2021-12-08 | 2024-11-07
Lars Klingbeil | Klingbeil | DEU | GOV | fin | 2025-05-06 |
Karl Otto Poehl | Karl Otto Pöhl;Poehl;Pöhl | DEU | GOV | cb | 1980-01-01 | 1991-07-31
Zenko Suzuki | | JPN | GOV | hog | 1980-07-17 | 1982-11-27
Yasuhiro Nakasone | Nakasone | JPN | GOV | hog | 1982-11-27 | 1987-11-06
Noboru Takeshita | Takeshita | JPN | GOV | hog | 1987-11-06 | 1989-06-03
Sosuke Uno | | JPN | GOV | hog | 1989-06-03 | 1989-08-10
Toshiki Kaifu | Kaifu | JPN | GOV | hog | 1989-08-10 | 1991-11-05
Kiichi Miyazawa | Miyazawa | JPN | GOV | fin | 1986-07-22 | 1988-12-09
Kiichi Miyazawa | Miyazawa | JPN | GOV | hog | 1991-11-05 | 1993-08-09
Morihiro Hosokawa | Hosokawa | JPN | GOV | hog | 1993-08-09 | 1994-04-28
Tsutomu Hata | | JPN | GOV | hog | 1994-04-28 | 1994-06-30
Tomiichi Murayama | Murayama | JPN | GOV | hog | 1994-06-30 | 1996-01-11
Ryutaro Hashimoto | Hashimoto | JPN | GOV | hog | 1996-01-11 | 1998-07-30
Keizo Obuchi | Obuchi | JPN | GOV | hog | 1998-07-30 | 2000-04-05
Yoshiro Mori | | JPN | GOV | hog | 2000-04-05 | 2001-04-26
Junichiro Koizumi | Koizumi | JPN | GOV | hog | 2001-04-26 | 2006-09-26
Shinzo Abe | Abe | JPN | GOV | hog | 2006-09-26 | 2007-09-26
Yasuo Fukuda | Fukuda | JPN | GOV | hog | 2007-09-26 | 2008-09-24
Taro Aso | Aso | JPN | GOV | hog | 2008-09-24 | 2009-09-16
Yukio Hatoyama | Hatoyama | JPN | GOV | hog | 2009-09-16 | 2010-06-08
Naoto Kan | | JPN | GOV | hog | 2010-06-08 | 2011-09-02
Yoshihiko Noda | Noda | JPN | GOV | hog | 2011-09-02 | 2012-12-26
Shinzo Abe | Abe | JPN | GOV | hog | 2012-12-26 | 2020-09-16
Yoshihide Suga | Suga | JPN | GOV | hog | 2020-09-16 | 2021-10-04
Fumio Kishida | Kishida | JPN | GOV | hog | 2021-10-04 | 2024-10-01
Shigeru Ishiba | Ishiba | JPN | GOV | hog | 2024-10-01 | 2025-10-21
Sanae Takaichi | Takaichi | JPN | GOV | hog | 2025-10-21 |
Emperor Hirohito | Hirohito | JPN | GOV | hos | 1926-12-25 | 1989-01-07
Emperor Akihito | Akihito | JPN | GOV | hos | 1989-01-07 | 2019-04-30
Emperor Naruhito | Naruhito | JPN | GOV | hos | 2019-05-01 |
Shintaro Abe | | JPN | GOV | fm | 1982-11-27 | 1986-07-22
Tadashi Kuranari | Kuranari | JPN | GOV | fm | 1986-07-22 | 1987-11-06
Toshimitsu Motegi | Motegi | JPN | GOV | fm | 2019-09-11 | 2021-11-10
Yoshimasa Hayashi | | JPN | GOV | fm | 2021-11-10 | 2023-09-13
Yoko Kamikawa | Kamikawa | JPN | GOV | fm | 2023-09-13 | 2024-10-01
Takeshi Iwaya | Iwaya | JPN | GOV | fm | 2024-10-01 | 2025-10-21
Toshimitsu Motegi | Motegi | JPN | GOV | fm | 2025-10-21 |
Satoshi Sumita | Sumita | JPN | GOV | cb | 1984-12-17 | 1989-12-16
Haruhiko Kuroda | Kuroda | JPN | GOV | cb | 2013-03-20 | 2023-04-08
Kazuo Ueda | | JPN | GOV | cb | 2023-04-09 |
Deng Xiaoping | Deng;Teng Hsiao-ping | CHN | GOV | leader | 1978-12-22 | 1992-01-01
Hu Yaobang | | CHN | GOV | leader | 1981-06-29 | 1987-01-16
Zhao Ziyang | | CHN | GOV | hog | 1980-09-10 | 1987-11-24
Zhao Ziyang | | CHN | GOV | leader | 1987-01-16 | 1989-06-24
Li Xiannian | | CHN | GOV | hos | 1983-06-18 | 1988-04-08
Yang Shangkun | | CHN | GOV | hos | 1988-04-08 | 1993-03-27
Jiang Zemin | Jiang | CHN | GOV | leader | 1989-06-24 | 1993-03-27
Jiang Zemin | Jiang | CHN | GOV | hos | 1993-03-27 | 2003-03-15
Li Peng | | CHN | GOV | hog | 1987-11-24 | 1998-03-17
Zhu Rongji | Zhu | CHN | GOV | hog | 1998-03-17 | 2003-03-16
Hu Jintao | | CHN | GOV | hos | 2003-03-15 | 2013-03-14
Wen Jiabao | | CHN | GOV | hog | 2003-03-16 | 2013-03-15
Xi Jinping | Xi;President Xi | CHN | GOV | leader | 2012-11-15 | 2013-03-14
Xi Jinping | Xi;President Xi | CHN | GOV | hos | 2013-03-14 |
Li Keqiang | | CHN | GOV | hog | 2013-03-15 | 2023-03-11
Li Qiang | | CHN | GOV | hog | 2023-03-11 |
Wu Xueqian | | CHN | GOV | fm | 1982-11-19 | 1988-04-12
Qian Qichen | | CHN | GOV | fm | 1988-04-12 | 1998-03-18
Tang Jiaxuan | | CHN | GOV | fm | 1998-03-18 | 2003-03-17
Li Zhaoxing | | CHN | GOV | fm | 2003-03-17 | 2007-04-27
Yang Jiechi | | CHN | GOV | fm | 2007-04-27 | 2013-03-16
Wang Yi | | CHN | GOV | fm | 2013-03-16 | 2022-12-30
Qin Gang | | CHN | GOV | fm | 2022-12-30 | 2023-07-25
Wang Yi | | CHN | GOV | fm | 2023-07-25 |
Lou Jiwei | | CHN | GOV | fin | 2013-03-16 | 2016-11-07
Liu Kun | | CHN | GOV | fin | 2018-03-19 | 2023-10-24
Lan Fo'an | Lan Foan | CHN | GOV | fin | 2023-10-24 |
Chang Wanquan | | CHN | GOV | def | 2013-03-16 | 2018-03-19
Wei Fenghe | | CHN | GOV | def | 2018-03-19 | 2023-03-12
Li Shangfu | | CHN | GOV | def | 2023-03-12 | 2023-10-24
Dong Jun | | CHN | GOV | def | 2023-12-29 |
Zhou Xiaochuan | | CHN | GOV | cb | 2002-12-28 | 2018-03-19
Yi Gang | | CHN | GOV | cb | 2018-03-19 | 2023-07-25
Pan Gongsheng | | CHN | GOV | cb | 2023-07-25 |
Leonid Brezhnev | Brezhnev | RUS | GOV | leader | 1964-10-14 | 1982-11-10
Yuri Andropov | Andropov | RUS | GOV | leader | 1982-11-12 | 1984-02-09
Konstantin Chernenko | Chernenko | RUS | GOV | leader | 1984-02-13 | 1985-03-10
Mikhail Gorbachev | Gorbachev;Mikhail S. Gorbachev | RUS | GOV | leader | 1985-03-11 | 1991-12-25
Nikolai Tikhonov | | RUS | GOV | hog | 1980-10-23 | 1985-09-27
Nikolai Ryzhkov | Ryzhkov | RUS | GOV | hog | 1985-09-27 | 1991-01-14
Andrei Gromyko | Gromyko | RUS | GOV | fm | 1957-02-15 | 1985-07-02
Andrei Gromyko | Gromyko | RUS | GOV | hos | 1985-07-02 | 1988-10-01
Eduard Shevardnadze | Shevardnadze | RUS | GOV | fm | 1985-07-02 | 1990-12-20
Sergei Sokolov | | RUS | GOV | def | 1984-12-22 | 1987-05-30
Dmitry Yazov | Yazov;Dmitri Yazov | RUS | GOV | def | 1987-05-30 | 1991-08-22
Boris Yeltsin | Yeltsin | RUS | GOV | hos | 1991-07-10 | 1999-12-31
Viktor Chernomyrdin | Chernomyrdin | RUS | GOV | hog | 1992-12-14 | 1998-03-23
Andrei Kozyrev | Kozyrev | RUS | GOV | fm | 1990-10-11 | 1996-01-05
Yevgeny Primakov | Primakov | RUS | GOV | fm | 1996-01-09 | 1998-09-11
Yevgeny Primakov | Primakov | RUS | GOV | hog | 1998-09-11 | 1999-05-12
Igor Ivanov | | RUS | GOV | fm | 1998-09-11 | 2004-03-09
Vladimir Putin | Putin;President Putin | RUS | GOV | hog | 1999-08-16 | 1999-12-31
Vladimir Putin | Putin;President Putin | RUS | GOV | hos | 1999-12-31 | 2008-05-07
Vladimir Putin | Putin;Prime Minister Putin | RUS | GOV | hog | 2008-05-08 | 2012-05-07
Vladimir Putin | Putin;President Putin | RUS | GOV | hos | 2012-05-07 |
Dmitry Medvedev | Medvedev;Dmitri Medvedev | RUS | GOV | hos | 2008-05-07 | 2012-05-07
Dmitry Medvedev | Medvedev;Dmitri Medvedev | RUS | GOV | hog | 2012-05-08 | 2020-01-16
Mikhail Mishustin | Mishustin | RUS | GOV | hog | 2020-01-16 |
Sergei Lavrov | Lavrov;Sergey Lavrov | RUS | GOV | fm | 2004-03-09 |
Sergei Shoigu | Shoigu;Sergey Shoigu | RUS | GOV | def | 2012-11-06 | 2024-05-12
Andrei Belousov | Belousov;Andrey Belousov | RUS | GOV | def | 2024-05-14 |
Anton Siluanov | Siluanov | RUS | GOV | fin | 2011-09-26 |
Elvira Nabiullina | Nabiullina | RUS | GOV | cb | 2013-06-24 |
Valery Gerasimov | Gerasimov | RUS | MIL | army | 2012-11-09 |
Indira Gandhi | Mrs Gandhi;Mrs. Gandhi;Gandhi | IND | GOV | hog | 1980-01-14 | 1984-10-31
Rajiv Gandhi | Gandhi | IND | GOV | hog | 1984-10-31 | 1989-12-02
V. P. Singh | V.P. Singh;Vishwanath Pratap Singh | IND | GOV | fin | 1984-12-31 | 1987-01-24
V. P. Singh | V.P. Singh;Vishwanath Pratap Singh | IND | GOV | hog | 1989-12-02 | 1990-11-10
Chandra Shekhar | | IND | GOV | hog | 1990-11-10 | 1991-06-21
P. V. Narasimha Rao | P.V. Narasimha Rao;Narasimha Rao | IND | GOV | hog | 1991-06-21 | 1996-05-16
Atal Bihari Vajpayee | Vajpayee | IND | GOV | hog | 1996-05-16 | 1996-06-01
H. D. Deve Gowda | H.D. Deve Gowda;Deve Gowda | IND | GOV | hog | 1996-06-01 | 1997-04-21
I. K. Gujral | I.K. Gujral;Inder Kumar Gujral;Gujral | IND | GOV | hog | 1997-04-21 | 1998-03-19
Atal Bihari Vajpayee | Vajpayee | IND | GOV | hog | 1998-03-19 | 2004-05-22
Manmohan Singh | | IND | GOV | fin | 1991-06-21 | 1996-05-16
Manmohan Singh | | IND | GOV | hog | 2004-05-22 | 2014-05-26
Narendra Modi | Modi;Prime Minister Modi | IND | GOV | hog | 2014-05-26 |
Zail Singh | Giani Zail Singh | IND | GOV | hos | 1982-07-25 | 1987-07-25
R. Venkataraman | Ramaswamy Venkataraman;Venkataraman | IND | GOV | hos | 1987-07-25 | 1992-07-25
Shankar Dayal Sharma | | IND | GOV | hos | 1992-07-25 | 1997-07-25
K. R. Narayanan | K.R. Narayanan | IND | GOV | hos | 1997-07-25 | 2002-07-25
A. P. J. Abdul Kalam | A.P.J. Abdul Kalam;Abdul Kalam | IND | GOV | hos | 2002-07-25 | 2007-07-25
Pratibha Patil | | IND | GOV | hos | 2007-07-25 | 2012-07-25
Pranab Mukherjee | Mukherjee | IND | GOV | fm | 2006-10-24 | 2009-05-22
Pranab Mukherjee | Mukherjee | IND | GOV | fin | 2009-05-22 | 2012-06-26
Pranab Mukherjee | Mukherjee | IND | GOV | hos | 2012-07-25 | 2017-07-25
Ram Nath Kovind | Kovind | IND | GOV | hos | 2017-07-25 | 2022-07-25
Droupadi Murmu | Murmu | IND | GOV | hos | 2022-07-25 |
Jaswant Singh | | IND | GOV | fm | 1998-12-05 | 2002-07-01
Jaswant Singh | | IND | GOV | fin | 2002-07-01 | 2004-05-22
Yashwant Sinha | | IND | GOV | fin | 1998-03-19 | 2002-07-01
Yashwant Sinha | | IND | GOV | fm | 2002-07-01 | 2004-05-22
Natwar Singh | K. Natwar Singh | IND | GOV | fm | 2004-05-22 | 2005-11-06
S. M. Krishna | S.M. Krishna | IND | GOV | fm | 2009-05-22 | 2012-10-28
Salman Khurshid | Khurshid | IND | GOV | fm | 2012-10-28 | 2014-05-26
Sushma Swaraj | Swaraj | IND | GOV | fm | 2014-05-26 | 2019-05-30
S. Jaishankar | Subrahmanyam Jaishankar;Jaishankar;S Jaishankar | IND | GOV | fm | 2019-05-30 |
P. Chidambaram | Chidambaram;Palaniappan Chidambaram | IND | GOV | fin | 2004-05-22 | 2008-11-30
P. Chidambaram | Chidambaram;Palaniappan Chidambaram | IND | GOV | fin | 2012-07-31 | 2014-05-26
Arun Jaitley | Jaitley | IND | GOV | fin | 2014-05-26 | 2019-05-30
Nirmala Sitharaman | Sitharaman | IND | GOV | def | 2017-09-03 | 2019-05-30
Nirmala Sitharaman | Sitharaman | IND | GOV | fin | 2019-05-31 |
A. K. Antony | A.K. Antony | IND | GOV | def | 2006-10-26 | 2014-05-26
Manohar Parrikar | Parrikar | IND | GOV | def | 2014-11-09 | 2017-03-13
Rajnath Singh | | IND | GOV | def | 2019-05-31 |
Bipin Rawat | General Rawat;Rawat | IND | MIL | army | 2016-12-31 | 2021-12-08
Manoj Mukund Naravane | M. M. Naravane;Naravane | IND | MIL | army | 2019-12-31 | 2022-04-30
Manoj Pande | | IND | MIL | army | 2022-04-30 | 2024-06-30
Upendra Dwivedi | | IND | MIL | army | 2024-06-30 |
Raghuram Rajan | | IND | GOV | cb | 2013-09-04 | 2016-09-04
Urjit Patel | | IND | GOV | cb | 2016-09-04 | 2018-12-10
Shaktikanta Das | | IND | GOV | cb | 2018-12-12 | 2024-12-10
Sanjay Malhotra | | IND | GOV | cb | 2024-12-11 |
Zulfikar Ali Bhutto | Bhutto | PAK | GOV | hos | 1971-12-20 | 1973-08-14
Zulfikar Ali Bhutto | Bhutto | PAK | GOV | hog | 1973-08-14 | 1977-07-05
Mohammad Zia-ul-Haq | Zia-ul-Haq;Zia ul-Haq;Zia ul Haq;General Zia;President Zia;Zia;Muhammad Zia-ul-Haq | PAK | GOV | hos | 1977-07-05 | 1988-08-17
Mohammad Zia-ul-Haq | Zia-ul-Haq;Zia ul-Haq;Zia ul Haq;General Zia;Zia | PAK | MIL | army | 1976-03-01 | 1988-08-17
Mohammad Khan Junejo | Muhammad Khan Junejo;Junejo | PAK | GOV | hog | 1985-03-23 | 1988-05-29
Sahabzada Yaqub Khan | Yaqub Khan | PAK | GOV | fm | 1982-03-21 | 1987-11-01
Mahbub ul Haq | Mahbub ul-Haq | PAK | GOV | fin | 1985-04-10 | 1988-06-09
Ghulam Ishaq Khan | Ishaq Khan | PAK | GOV | hos | 1988-08-17 | 1993-07-18
Benazir Bhutto | Bhutto;Ms Bhutto;Ms. Bhutto | PAK | GOV | hog | 1988-12-02 | 1990-08-06
Nawaz Sharif | Sharif;Mian Nawaz Sharif;Muhammad Nawaz Sharif | PAK | GOV | hog | 1990-11-06 | 1993-07-18
Benazir Bhutto | Bhutto;Ms Bhutto;Ms. Bhutto | PAK | GOV | hog | 1993-10-19 | 1996-11-05
Farooq Leghari | Farooq Ahmad Khan Leghari;Leghari | PAK | GOV | hos | 1993-11-14 | 1997-12-02
Nawaz Sharif | Sharif;Mian Nawaz Sharif;Muhammad Nawaz Sharif | PAK | GOV | hog | 1997-02-17 | 1999-10-12
Muhammad Rafiq Tarar | Rafiq Tarar;Tarar | PAK | GOV | hos | 1998-01-01 | 2001-06-20
Pervez Musharraf | Musharraf;General Musharraf;President Musharraf | PAK | MIL | army | 1998-10-07 | 1999-10-12
Pervez Musharraf | Musharraf;General Musharraf;President Musharraf | PAK | GOV | hog | 1999-10-12 | 2001-06-20
Pervez Musharraf | Musharraf;General Musharraf;President Musharraf | PAK | GOV | hos | 2001-06-20 | 2008-08-18
Zafarullah Khan Jamali | Mir Zafarullah Khan Jamali;Jamali | PAK | GOV | hog | 2002-11-23 | 2004-06-26
Shaukat Aziz | | PAK | GOV | fin | 1999-11-06 | 2004-08-28
Shaukat Aziz | | PAK | GOV | hog | 2004-08-28 | 2007-11-16
Khurshid Kasuri | Khurshid Mahmud Kasuri;Kasuri | PAK | GOV | fm | 2002-11-23 | 2007-11-15
Ashfaq Parvez Kayani | Ashfaq Kayani;Kayani;General Kayani | PAK | MIL | army | 2007-11-28 | 2013-11-29
Yousaf Raza Gilani | Yousuf Raza Gilani;Gilani | PAK | GOV | hog | 2008-03-25 | 2012-06-19
Asif Ali Zardari | Zardari;President Zardari | PAK | GOV | hos | 2008-09-09 | 2013-09-09
Shah Mahmood Qureshi | Qureshi | PAK | GOV | fm | 2008-03-31 | 2011-02-09
Hina Rabbani Khar | Khar | PAK | GOV | fm | 2011-07-19 | 2013-03-16
Raja Pervaiz Ashraf | Raja Pervez Ashraf | PAK | GOV | hog | 2012-06-22 | 2013-03-25
Nawaz Sharif | Sharif;Mian Nawaz Sharif;Muhammad Nawaz Sharif | PAK | GOV | hog | 2013-06-05 | 2017-07-28
Mamnoon Hussain | | PAK | GOV | hos | 2013-09-09 | 2018-09-09
Sartaj Aziz | | PAK | GOV | fm | 2013-06-07 | 2017-07-28
Ishaq Dar | Dar;Muhammad Ishaq Dar | PAK | GOV | fin | 2013-06-07 | 2017-11-21
Raheel Sharif | General Raheel Sharif;General Raheel | PAK | MIL | army | 2013-11-29 | 2016-11-29
Qamar Javed Bajwa | Bajwa;General Bajwa | PAK | MIL | army | 2016-11-29 | 2022-11-29
Shahid Khaqan Abbasi | Abbasi | PAK | GOV | hog | 2017-08-01 | 2018-05-31
Khawaja Asif | Khawaja Muhammad Asif | PAK | GOV | fm | 2017-08-04 | 2018-06-01
Imran Khan | Imran | PAK | GOV | hog | 2018-08-18 | 2022-04-10
Arif Alvi | Alvi | PAK | GOV | hos | 2018-09-09 | 2024-03-10
Shah Mahmood Qureshi | Qureshi | PAK | GOV | fm | 2018-08-20 | 2022-04-10
Asad Umar | | PAK | GOV | fin | 2018-08-20 | 2019-04-18
Abdul Hafeez Shaikh | Hafeez Shaikh | PAK | GOV | fin | 2019-04-18 | 2021-03-29
Shaukat Tarin | Tarin | PAK | GOV | fin | 2021-04-16 | 2022-04-10
Reza Baqir | Baqir | PAK | GOV | cb | 2019-05-04 | 2022-05-04
Shehbaz Sharif | Shahbaz Sharif;Sharif;Shehbaz | PAK | GOV | hog | 2022-04-11 | 2023-08-14
Bilawal Bhutto Zardari | Bilawal Bhutto;Bilawal | PAK | GOV | fm | 2022-04-27 | 2023-08-10
Miftah Ismail | Miftah | PAK | GOV | fin | 2022-04-19 | 2022-09-26
Ishaq Dar | Dar;Muhammad Ishaq Dar | PAK | GOV | fin | 2022-09-28 | 2023-08-10
Khawaja Asif | Khawaja Muhammad Asif | PAK | GOV | def | 2022-04-19 | 2023-08-10
Jameel Ahmad | | PAK | GOV | cb | 2022-08-22 |
Asim Munir | Syed Asim Munir;General Asim Munir;Field Marshal Asim Munir;General Munir;Field Marshal Munir;Munir | PAK | MIL | army | 2022-11-29 |
Anwaar-ul-Haq Kakar | Anwaarul Haq Kakar;Kakar | PAK | GOV | hog | 2023-08-14 | 2024-03-04
Jalil Abbas Jilani | Jilani | PAK | GOV | fm | 2023-08-17 | 2024-03-04
Shehbaz Sharif | Shahbaz Sharif;Sharif;Shehbaz | PAK | GOV | hog | 2024-03-04 |
Asif Ali Zardari | Zardari;President Zardari | PAK | GOV | hos | 2024-03-10 |
Ishaq Dar | Dar;Muhammad Ishaq Dar | PAK | GOV | fm | 2024-03-11 |
Muhammad Aurangzeb | Aurangzeb | PAK | GOV | fin | 2024-03-11 |
Khawaja Asif | Khawaja Muhammad Asif | PAK | GOV | def | 2024-03-11 |
Mirza Aslam Beg | Aslam Beg | PAK | MIL | army | 1988-08-17 | 1991-08-16
Asif Nawaz Janjua | Asif Nawaz | PAK | MIL | army | 1991-08-16 | 1993-01-08
Abdul Waheed Kakar | Waheed Kakar | PAK | MIL | army | 1993-01-12 | 1996-01-12
Jehangir Karamat | Karamat | PAK | MIL | army | 1996-01-12 | 1998-10-07
Ziaur Rahman | Zia-ur-Rahman;Ziaur | BGD | GOV | hos | 1977-04-21 | 1981-05-30
Hussain Muhammad Ershad | H.M. Ershad;Ershad | BGD | GOV | hos | 1982-03-24 | 1990-12-06
Khaleda Zia | Begum Khaleda Zia | BGD | GOV | hog | 1991-03-20 | 1996-03-30
Sheikh Hasina | Hasina;Sheikh Hasina Wajed | BGD | GOV | hog | 1996-06-23 | 2001-07-15
Khaleda Zia | Begum Khaleda Zia | BGD | GOV | hog | 2001-10-10 | 2006-10-29
Sheikh Hasina | Hasina;Sheikh Hasina Wajed | BGD | GOV | hog | 2009-01-06 | 2024-08-05
Abdul Hamid | | BGD | GOV | hos | 2013-04-24 | 2023-04-24
Mohammed Shahabuddin | | BGD | GOV | hos | 2023-04-24 |
A. K. Abdul Momen | A.K. Abdul Momen;Abdul Momen | BGD | GOV | fm | 2019-01-07 | 2024-01-11
Hasan Mahmud | | BGD | GOV | fm | 2024-01-11 | 2024-08-05
AHM Mustafa Kamal | A.H.M. Mustafa Kamal | BGD | GOV | fin | 2019-01-07 | 2024-01-11
Muhammad Yunus | Yunus | BGD | GOV | hog | 2024-08-08 |
Touhid Hossain | Md Touhid Hossain | BGD | GOV | fm | 2024-08-16 |
Waker-uz-Zaman | Waker-Uz-Zaman | BGD | MIL | army | 2024-06-23 |
Babrak Karmal | Karmal | AFG | GOV | leader | 1979-12-27 | 1986-05-04
Mohammad Najibullah | Najibullah;Najib | AFG | GOV | leader | 1986-05-04 | 1992-04-16
Burhanuddin Rabbani | Rabbani | AFG | GOV | hos | 1992-06-28 | 2001-12-22
Mullah Mohammad Omar | Mullah Omar | AFG | GOV | leader | 1996-09-27 | 2001-11-13
Hamid Karzai | Karzai | AFG | GOV | hos | 2001-12-22 | 2014-09-29
Ashraf Ghani | Ghani | AFG | GOV | hos | 2014-09-29 | 2021-08-15
Abdullah Abdullah | | AFG | GOV | hog | 2014-09-29 | 2020-03-09
Hibatullah Akhundzada | Akhundzada;Haibatullah Akhundzada | AFG | GOV | leader | 2021-08-15 |
Mohammad Hasan Akhund | Hasan Akhund | AFG | GOV | hog | 2021-09-07 |
Amir Khan Muttaqi | Muttaqi | AFG | GOV | fm | 2021-09-07 |
J. R. Jayewardene | J.R. Jayewardene;Junius Jayewardene;Jayewardene | LKA | GOV | hos | 1978-02-04 | 1989-01-02
Ranasinghe Premadasa | Premadasa | LKA | GOV | hog | 1978-02-06 | 1989-01-02
Ranasinghe Premadasa | Premadasa | LKA | GOV | hos | 1989-01-02 | 1993-05-01
D. B. Wijetunga | D.B. Wijetunga;Wijetunga | LKA | GOV | hos | 1993-05-01 | 1994-11-12
Chandrika Kumaratunga | Kumaratunga;Chandrika Bandaranaike Kumaratunga | LKA | GOV | hos | 1994-11-12 | 2005-11-19
Mahinda Rajapaksa | Rajapaksa;Mahinda Rajapakse | LKA | GOV | hog | 2004-04-06 | 2005-11-19
Mahinda Rajapaksa | Rajapaksa;Mahinda Rajapakse | LKA | GOV | hos | 2005-11-19 | 2015-01-09
Maithripala Sirisena | Sirisena | LKA | GOV | hos | 2015-01-09 | 2019-11-18
Gotabaya Rajapaksa | Gotabaya;Rajapaksa | LKA | GOV | hos | 2019-11-18 | 2022-07-14
Mahinda Rajapaksa | Rajapaksa;Mahinda Rajapakse | LKA | GOV | hog | 2019-11-21 | 2022-05-09
Ranil Wickremesinghe | Wickremesinghe | LKA | GOV | hog | 2015-01-09 | 2018-10-26
Ranil Wickremesinghe | Wickremesinghe | LKA | GOV | hog | 2018-12-16 | 2019-11-21
Ranil Wickremesinghe | Wickremesinghe | LKA | GOV | hog | 2022-05-12 | 2022-07-21
Ranil Wickremesinghe | Wickremesinghe | LKA | GOV | hos | 2022-07-21 | 2024-09-23
Anura Kumara Dissanayake | Dissanayake;Anura Dissanayake | LKA | GOV | hos | 2024-09-23 |
Harini Amarasuriya | Amarasuriya | LKA | GOV | hog | 2024-09-24 |
King Birendra | Birendra | NPL | GOV | hos | 1972-01-31 | 2001-06-01
King Gyanendra | Gyanendra | NPL | GOV | hos | 2001-06-04 | 2008-05-28
Girija Prasad Koirala | G.P. Koirala;Koirala | NPL | GOV | hog | 2006-04-30 | 2008-08-18
Pushpa Kamal Dahal | Prachanda;Dahal | NPL | GOV | hog | 2008-08-18 | 2009-05-25
K. P. Sharma Oli | KP Sharma Oli;K.P. Sharma Oli;Oli | NPL | GOV | hog | 2015-10-12 | 2016-08-04
Pushpa Kamal Dahal | Prachanda;Dahal | NPL | GOV | hog | 2016-08-04 | 2017-06-07
Sher Bahadur Deuba | Deuba | NPL | GOV | hog | 2017-06-07 | 2018-02-15
K. P. Sharma Oli | KP Sharma Oli;K.P. Sharma Oli;Oli | NPL | GOV | hog | 2018-02-15 | 2021-07-13
Sher Bahadur Deuba | Deuba | NPL | GOV | hog | 2021-07-13 | 2022-12-26
Pushpa Kamal Dahal | Prachanda;Dahal | NPL | GOV | hog | 2022-12-26 | 2024-07-15
K. P. Sharma Oli | KP Sharma Oli;K.P. Sharma Oli;Oli | NPL | GOV | hog | 2024-07-15 | 2025-09-12
Sushila Karki | Karki | NPL | GOV | hog | 2025-09-12 |
Bidya Devi Bhandari | Bhandari | NPL | GOV | hos | 2015-10-29 | 2023-03-13
Ram Chandra Poudel | Paudel;Ram Chandra Paudel | NPL | GOV | hos | 2023-03-13 |
King Khalid | | SAU | GOV | hos | 1975-03-25 | 1982-06-13
King Fahd | Fahd;Fahd bin Abdulaziz | SAU | GOV | hos | 1982-06-13 | 2005-08-01
King Abdullah | Abdullah bin Abdulaziz | SAU | GOV | hos | 2005-08-01 | 2015-01-23
King Salman | Salman bin Abdulaziz | SAU | GOV | hos | 2015-01-23 |
Mohammed bin Salman | Muhammad bin Salman;MBS;Crown Prince Mohammed bin Salman;Prince Mohammed bin Salman | SAU | GOV | def | 2015-01-23 | 2017-06-21
Mohammed bin Salman | Muhammad bin Salman;MBS;Crown Prince Mohammed bin Salman;Prince Mohammed bin Salman | SAU | GOV | hog | 2017-06-21 |
Saud al-Faisal | Prince Saud al-Faisal;Saud al Faisal | SAU | GOV | fm | 1975-03-13 | 2015-04-29
Adel al-Jubeir | Jubeir;Adel al Jubeir | SAU | GOV | fm | 2015-04-29 | 2018-12-27
Ibrahim al-Assaf | | SAU | GOV | fm | 2018-12-27 | 2019-10-23
Faisal bin Farhan | Prince Faisal bin Farhan;Faisal bin Farhan Al Saud | SAU | GOV | fm | 2019-10-23 |
Mohammed al-Jadaan | Mohammed Al-Jadaan;Jadaan | SAU | GOV | fin | 2016-11-01 |
Hisham Nazer | | SAU | GOV | trade | 1986-10-30 | 1995-08-02
Ahmed Zaki Yamani | Zaki Yamani;Yamani;Sheikh Yamani | SAU | GOV | trade | 1962-03-09 | 1986-10-29
Zayed bin Sultan Al Nahyan | Sheikh Zayed;Zayed bin Sultan | ARE | GOV | hos | 1971-12-02 | 2004-11-02
Khalifa bin Zayed Al Nahyan | Sheikh Khalifa;Khalifa bin Zayed | ARE | GOV | hos | 2004-11-03 | 2022-05-13
Mohamed bin Zayed Al Nahyan | Mohamed bin Zayed;Mohammed bin Zayed;MBZ;Sheikh Mohamed bin Zayed | ARE | GOV | hos | 2022-05-14 |
Mohammed bin Rashid Al Maktoum | Mohammed bin Rashid;Sheikh Mohammed bin Rashid | ARE | GOV | hog | 2006-01-05 |
Abdullah bin Zayed Al Nahyan | Abdullah bin Zayed;Sheikh Abdullah bin Zayed | ARE | GOV | fm | 2006-02-09 |
Khalifa bin Hamad Al Thani | | QAT | GOV | hos | 1972-02-22 | 1995-06-27
Hamad bin Khalifa Al Thani | Sheikh Hamad bin Khalifa;Hamad bin Khalifa | QAT | GOV | hos | 1995-06-27 | 2013-06-25
Tamim bin Hamad Al Thani | Sheikh Tamim;Tamim bin Hamad;Emir Tamim | QAT | GOV | hos | 2013-06-25 |
Hamad bin Jassim Al Thani | Hamad bin Jassim;Sheikh Hamad bin Jassim | QAT | GOV | fm | 1992-09-01 | 2013-06-26
Mohammed bin Abdulrahman Al Thani | Mohammed bin Abdulrahman;Sheikh Mohammed bin Abdulrahman | QAT | GOV | fm | 2016-01-27 |
Jaber Al-Ahmad Al-Sabah | Sheikh Jaber;Jaber al-Ahmad | KWT | GOV | hos | 1977-12-31 | 2006-01-15
Sabah Al-Ahmad Al-Jaber Al-Sabah | Sheikh Sabah;Sabah al-Ahmad | KWT | GOV | fm | 1963-01-28 | 2003-07-13
Sabah Al-Ahmad Al-Jaber Al-Sabah | Sheikh Sabah;Sabah al-Ahmad | KWT | GOV | hog | 2003-07-13 | 2006-01-29
Sabah Al-Ahmad Al-Jaber Al-Sabah | Sheikh Sabah;Sabah al-Ahmad | KWT | GOV | hos | 2006-01-29 | 2020-09-29
Nawaf Al-Ahmad Al-Jaber Al-Sabah | Sheikh Nawaf;Nawaf al-Ahmad | KWT | GOV | hos | 2020-09-29 | 2023-12-16
Mishal Al-Ahmad Al-Jaber Al-Sabah | Sheikh Mishal;Mishal al-Ahmad | KWT | GOV | hos | 2023-12-16 |
Sultan Qaboos | Qaboos;Qaboos bin Said | OMN | GOV | hos | 1970-07-23 | 2020-01-10
Sultan Haitham | Haitham bin Tariq;Haitham bin Tarik | OMN | GOV | hos | 2020-01-11 |
Yusuf bin Alawi | Yousuf bin Alawi;Yusuf bin Alawi bin Abdullah | OMN | GOV | fm | 1997-01-01 | 2020-08-18
Badr Albusaidi | Badr al-Busaidi;Sayyid Badr Albusaidi | OMN | GOV | fm | 2020-08-18 |
Isa bin Salman Al Khalifa | Sheikh Isa | BHR | GOV | hos | 1961-11-02 | 1999-03-06
Hamad bin Isa Al Khalifa | King Hamad;Hamad bin Isa | BHR | GOV | hos | 1999-03-06 |
Khalifa bin Salman Al Khalifa | Khalifa bin Salman | BHR | GOV | hog | 1970-01-19 | 2020-11-11
Salman bin Hamad Al Khalifa | Salman bin Hamad;Crown Prince Salman | BHR | GOV | hog | 2020-11-11 |
Ruhollah Khomeini | Ayatollah Khomeini;Khomeini;Ayatollah Ruhollah Khomeini | IRN | GOV | leader | 1979-12-03 | 1989-06-03
Ali Khamenei | Khamenei;Ayatollah Khamenei;Ayatollah Ali Khamenei | IRN | GOV | hos | 1981-10-13 | 1989-08-03
Ali Khamenei | Khamenei;Ayatollah Khamenei;Ayatollah Ali Khamenei | IRN | GOV | leader | 1989-06-04 |
Mir-Hossein Mousavi | Mir Hossein Mousavi;Mousavi | IRN | GOV | hog | 1981-10-31 | 1989-08-03
Akbar Hashemi Rafsanjani | Hashemi Rafsanjani;Rafsanjani;Ali Akbar Hashemi Rafsanjani | IRN | GOV | hos | 1989-08-03 | 1997-08-03
Mohammad Khatami | Khatami | IRN | GOV | hos | 1997-08-03 | 2005-08-03
Mahmoud Ahmadinejad | Ahmadinejad | IRN | GOV | hos | 2005-08-03 | 2013-08-03
Hassan Rouhani | Rouhani;Hassan Rowhani | IRN | GOV | hos | 2013-08-03 | 2021-08-03
Ebrahim Raisi | Raisi;Ibrahim Raisi | IRN | GOV | hos | 2021-08-03 | 2024-05-19
Masoud Pezeshkian | Pezeshkian | IRN | GOV | hos | 2024-07-28 |
Ali Akbar Velayati | Velayati | IRN | GOV | fm | 1981-12-15 | 1997-08-20
Kamal Kharrazi | Kharrazi;Kamal Kharazi | IRN | GOV | fm | 1997-08-20 | 2005-08-24
Manouchehr Mottaki | Mottaki | IRN | GOV | fm | 2005-08-24 | 2010-12-13
Ali Akbar Salehi | Salehi | IRN | GOV | fm | 2011-01-30 | 2013-08-15
Mohammad Javad Zarif | Javad Zarif;Zarif | IRN | GOV | fm | 2013-08-15 | 2021-08-25
Hossein Amir-Abdollahian | Amir-Abdollahian;Hossein Amirabdollahian | IRN | GOV | fm | 2021-08-25 | 2024-05-19
Abbas Araghchi | Araghchi;Abbas Araqchi | IRN | GOV | fm | 2024-08-21 |
Saddam Hussein | Saddam;President Saddam Hussein | IRQ | GOV | hos | 1979-07-16 | 2003-04-09
Tariq Aziz | | IRQ | GOV | fm | 1983-01-01 | 1991-03-23
Ayad Allawi | Iyad Allawi;Allawi | IRQ | GOV | hog | 2004-06-28 | 2005-05-03
Ibrahim al-Jaafari | Jaafari | IRQ | GOV | hog | 2005-05-03 | 2006-05-20
Nouri al-Maliki | Nuri al-Maliki;Maliki | IRQ | GOV | hog | 2006-05-20 | 2014-09-08
Haider al-Abadi | Abadi | IRQ | GOV | hog | 2014-09-08 | 2018-10-25
Adil Abdul-Mahdi | Adel Abdul Mahdi;Abdul-Mahdi | IRQ | GOV | hog | 2018-10-25 | 2020-05-07
Mustafa al-Kadhimi | Kadhimi | IRQ | GOV | hog | 2020-05-07 | 2022-10-27
Mohammed Shia al-Sudani | Mohammed Shia Al Sudani;Sudani | IRQ | GOV | hog | 2022-10-27 |
Jalal Talabani | Talabani | IRQ | GOV | hos | 2005-04-07 | 2014-07-24
Fuad Masum | | IRQ | GOV | hos | 2014-07-24 | 2018-10-02
Barham Salih | | IRQ | GOV | hos | 2018-10-02 | 2022-10-17
Abdul Latif Rashid | | IRQ | GOV | hos | 2022-10-17 |
Hoshyar Zebari | Zebari | IRQ | GOV | fm | 2003-09-03 | 2014-09-08
Fuad Hussein | | IRQ | GOV | fm | 2020-06-06 |
Francois Mitterrand | François Mitterrand;Mitterrand | FRA | GOV | hos | 1981-05-21 | 1995-05-17
Jacques Chirac | Chirac | FRA | GOV | hog | 1986-03-20 | 1988-05-10
Jacques Chirac | Chirac | FRA | GOV | hos | 1995-05-17 | 2007-05-16
Nicolas Sarkozy | Sarkozy | FRA | GOV | hos | 2007-05-16 | 2012-05-15
Francois Hollande | François Hollande;Hollande | FRA | GOV | hos | 2012-05-15 | 2017-05-14
Emmanuel Macron | Macron | FRA | GOV | hos | 2017-05-14 |
Jean-Bernard Raimond | Raimond | FRA | GOV | fm | 1986-03-20 | 1988-05-10
Roland Dumas | Dumas | FRA | GOV | fm | 1988-05-12 | 1993-03-29
Edouard Balladur | Édouard Balladur;Balladur | FRA | GOV | fin | 1986-03-20 | 1988-05-10
Edouard Balladur | Édouard Balladur;Balladur | FRA | GOV | hog | 1993-03-29 | 1995-05-11
Laurent Fabius | Fabius | FRA | GOV | fm | 2012-05-16 | 2016-02-11
Jean-Yves Le Drian | Le Drian | FRA | GOV | fm | 2017-05-17 | 2022-05-20
Catherine Colonna | Colonna | FRA | GOV | fm | 2022-05-20 | 2024-01-11
Stephane Sejourne | Stéphane Séjourné;Sejourne | FRA | GOV | fm | 2024-01-11 | 2024-09-21
Jean-Noel Barrot | Jean-Noël Barrot;Barrot | FRA | GOV | fm | 2024-09-21 |
Bruno Le Maire | Le Maire | FRA | GOV | fin | 2017-05-17 | 2024-09-21
Bettino Craxi | Craxi | ITA | GOV | hog | 1983-08-04 | 1987-04-17
Amintore Fanfani | Fanfani | ITA | GOV | hog | 1987-04-17 | 1987-07-28
Giovanni Goria | Goria | ITA | GOV | hog | 1987-07-28 | 1988-04-13
Giulio Andreotti | Andreotti | ITA | GOV | fm | 1983-08-04 | 1989-07-22
Giulio Andreotti | Andreotti | ITA | GOV | hog | 1989-07-22 | 1992-06-28
Silvio Berlusconi | Berlusconi | ITA | GOV | hog | 1994-05-10 | 1995-01-17
Romano Prodi | Prodi | ITA | GOV | hog | 1996-05-17 | 1998-10-21
Silvio Berlusconi | Berlusconi | ITA | GOV | hog | 2001-06-11 | 2006-05-17
Romano Prodi | Prodi | ITA | GOV | hog | 2006-05-17 | 2008-05-08
Silvio Berlusconi | Berlusconi | ITA | GOV | hog | 2008-05-08 | 2011-11-16
Mario Monti | Monti | ITA | GOV | hog | 2011-11-16 | 2013-04-28
Matteo Renzi | Renzi | ITA | GOV | hog | 2014-02-22 | 2016-12-12
Giuseppe Conte | | ITA | GOV | hog | 2018-06-01 | 2021-02-13
Mario Draghi | Draghi | ITA | GOV | hog | 2021-02-13 | 2022-10-22
Giorgia Meloni | Meloni | ITA | GOV | hog | 2022-10-22 |
Sergio Mattarella | Mattarella | ITA | GOV | hos | 2015-02-03 |
Pierre Trudeau | Trudeau;Pierre Elliott Trudeau | CAN | GOV | hog | 1980-03-03 | 1984-06-30
Brian Mulroney | Mulroney | CAN | GOV | hog | 1984-09-17 | 1993-06-25
Jean Chretien | Jean Chrétien;Chretien;Chrétien | CAN | GOV | hog | 1993-11-04 | 2003-12-12
Paul Martin | | CAN | GOV | hog | 2003-12-12 | 2006-02-06
Stephen Harper | Harper | CAN | GOV | hog | 2006-02-06 | 2015-11-04
Justin Trudeau | Trudeau | CAN | GOV | hog | 2015-11-04 | 2025-03-14
Mark Carney | Carney | CAN | GOV | hog | 2025-03-14 |
Joe Clark | | CAN | GOV | fm | 1984-09-17 | 1991-04-21
Melanie Joly | Mélanie Joly;Joly | CAN | GOV | fm | 2021-10-26 | 2025-05-13
Anita Anand | | CAN | GOV | fm | 2025-05-13 |
Bob Hawke | Hawke | AUS | GOV | hog | 1983-03-11 | 1991-12-20
Paul Keating | Keating | AUS | GOV | hog | 1991-12-20 | 1996-03-11
John Howard | | AUS | GOV | hog | 1996-03-11 | 2007-12-03
Kevin Rudd | Rudd | AUS | GOV | hog | 2007-12-03 | 2010-06-24
Julia Gillard | Gillard | AUS | GOV | hog | 2010-06-24 | 2013-06-27
Kevin Rudd | Rudd | AUS | GOV | hog | 2013-06-27 | 2013-09-18
Tony Abbott | | AUS | GOV | hog | 2013-09-18 | 2015-09-15
Malcolm Turnbull | Turnbull | AUS | GOV | hog | 2015-09-15 | 2018-08-24
Scott Morrison | | AUS | GOV | hog | 2018-08-24 | 2022-05-23
Anthony Albanese | Albanese | AUS | GOV | hog | 2022-05-23 |
Penny Wong | | AUS | GOV | fm | 2022-05-23 |
Joao Figueiredo | João Figueiredo;Figueiredo | BRA | GOV | hos | 1979-03-15 | 1985-03-15
Jose Sarney | José Sarney;Sarney | BRA | GOV | hos | 1985-03-15 | 1990-03-15
Fernando Collor de Mello | Fernando Collor;Collor | BRA | GOV | hos | 1990-03-15 | 1992-12-29
Itamar Franco | | BRA | GOV | hos | 1992-12-29 | 1995-01-01
Fernando Henrique Cardoso | Cardoso | BRA | GOV | hos | 1995-01-01 | 2003-01-01
Luiz Inacio Lula da Silva | Luiz Inácio Lula da Silva;Lula da Silva;Lula | BRA | GOV | hos | 2003-01-01 | 2011-01-01
Dilma Rousseff | Rousseff | BRA | GOV | hos | 2011-01-01 | 2016-08-31
Michel Temer | Temer | BRA | GOV | hos | 2016-08-31 | 2019-01-01
Jair Bolsonaro | Bolsonaro | BRA | GOV | hos | 2019-01-01 | 2023-01-01
Luiz Inacio Lula da Silva | Luiz Inácio Lula da Silva;Lula da Silva;Lula | BRA | GOV | hos | 2023-01-01 |
Jose Lopez Portillo | José López Portillo;Lopez Portillo | MEX | GOV | hos | 1976-12-01 | 1982-11-30
Miguel de la Madrid | | MEX | GOV | hos | 1982-12-01 | 1988-11-30
Carlos Salinas de Gortari | Carlos Salinas;Salinas | MEX | GOV | hos | 1988-12-01 | 1994-11-30
Ernesto Zedillo | Zedillo | MEX | GOV | hos | 1994-12-01 | 2000-11-30
Vicente Fox | | MEX | GOV | hos | 2000-12-01 | 2006-11-30
Felipe Calderon | Felipe Calderón;Calderon;Calderón | MEX | GOV | hos | 2006-12-01 | 2012-11-30
Enrique Pena Nieto | Enrique Peña Nieto;Pena Nieto;Peña Nieto | MEX | GOV | hos | 2012-12-01 | 2018-11-30
Andres Manuel Lopez Obrador | Andrés Manuel López Obrador;Lopez Obrador;López Obrador;AMLO | MEX | GOV | hos | 2018-12-01 | 2024-09-30
Claudia Sheinbaum | Sheinbaum | MEX | GOV | hos | 2024-10-01 |
Raul Alfonsin | Raúl Alfonsín;Alfonsin;Alfonsín | ARG | GOV | hos | 1983-12-10 | 1989-07-08
Carlos Menem | Menem | ARG | GOV | hos | 1989-07-08 | 1999-12-10
Fernando de la Rua | Fernando de la Rúa;de la Rua | ARG | GOV | hos | 1999-12-10 | 2001-12-21
Eduardo Duhalde | Duhalde | ARG | GOV | hos | 2002-01-02 | 2003-05-25
Nestor Kirchner | Néstor Kirchner;Kirchner | ARG | GOV | hos | 2003-05-25 | 2007-12-10
Cristina Fernandez de Kirchner | Cristina Fernández de Kirchner;Cristina Kirchner;Kirchner | ARG | GOV | hos | 2007-12-10 | 2015-12-10
Mauricio Macri | Macri | ARG | GOV | hos | 2015-12-10 | 2019-12-10
Alberto Fernandez | Alberto Fernández | ARG | GOV | hos | 2019-12-10 | 2023-12-10
Javier Milei | Milei | ARG | GOV | hos | 2023-12-10 |
Chun Doo-hwan | Chun Doo Hwan;Chun | KOR | GOV | hos | 1980-09-01 | 1988-02-25
Roh Tae-woo | Roh Tae Woo;Roh | KOR | GOV | hos | 1988-02-25 | 1993-02-25
Kim Young-sam | Kim Young Sam | KOR | GOV | hos | 1993-02-25 | 1998-02-25
Kim Dae-jung | Kim Dae Jung | KOR | GOV | hos | 1998-02-25 | 2003-02-25
Roh Moo-hyun | Roh Moo Hyun;Roh | KOR | GOV | hos | 2003-02-25 | 2008-02-25
Lee Myung-bak | Lee Myung Bak | KOR | GOV | hos | 2008-02-25 | 2013-02-25
Park Geun-hye | Park Geun Hye;President Park | KOR | GOV | hos | 2013-02-25 | 2017-03-10
Moon Jae-in | Moon Jae In;President Moon | KOR | GOV | hos | 2017-05-10 | 2022-05-10
Yoon Suk Yeol | Yoon Suk-yeol;President Yoon;Yoon | KOR | GOV | hos | 2022-05-10 | 2025-04-04
Lee Jae-myung | Lee Jae Myung;President Lee | KOR | GOV | hos | 2025-06-04 |
Kim Il Sung | Kim Il-sung;Kim Il-Sung | PRK | GOV | hos | 1948-09-09 | 1994-07-08
Kim Jong Il | Kim Jong-il;Kim Jong-Il | PRK | GOV | hos | 1994-07-08 | 2011-12-17
Kim Jong Un | Kim Jong-un;Kim Jong-Un | PRK | GOV | hos | 2011-12-17 |
Suharto | Soeharto;President Suharto | IDN | GOV | hos | 1967-03-12 | 1998-05-21
B. J. Habibie | B.J. Habibie;Habibie | IDN | GOV | hos | 1998-05-21 | 1999-10-20
Abdurrahman Wahid | Wahid;Gus Dur | IDN | GOV | hos | 1999-10-20 | 2001-07-23
Megawati Sukarnoputri | Megawati | IDN | GOV | hos | 2001-07-23 | 2004-10-20
Susilo Bambang Yudhoyono | Yudhoyono;SBY | IDN | GOV | hos | 2004-10-20 | 2014-10-20
Joko Widodo | Jokowi;Widodo | IDN | GOV | hos | 2014-10-20 | 2024-10-20
Prabowo Subianto | Prabowo | IDN | GOV | def | 2019-10-23 | 2024-10-20
Prabowo Subianto | Prabowo | IDN | GOV | hos | 2024-10-20 |
Sri Mulyani Indrawati | Sri Mulyani | IDN | GOV | fin | 2016-07-27 | 2025-09-08
Kenan Evren | Evren | TUR | GOV | hos | 1980-09-12 | 1989-11-09
Turgut Ozal | Turgut Özal;Ozal;Özal | TUR | GOV | hog | 1983-12-13 | 1989-10-31
Turgut Ozal | Turgut Özal;Ozal;Özal | TUR | GOV | hos | 1989-11-09 | 1993-04-17
Suleyman Demirel | Süleyman Demirel;Demirel | TUR | GOV | hog | 1991-11-21 | 1993-05-16
Suleyman Demirel | Süleyman Demirel;Demirel | TUR | GOV | hos | 1993-05-16 | 2000-05-16
Tansu Ciller | Tansu Çiller;Ciller;Çiller | TUR | GOV | hog | 1993-06-25 | 1996-03-06
Bulent Ecevit | Bülent Ecevit;Ecevit | TUR | GOV | hog | 1999-01-11 | 2002-11-18
Ahmet Necdet Sezer | Sezer | TUR | GOV | hos | 2000-05-16 | 2007-08-28
Abdullah Gul | Abdullah Gül;Gul;Gül | TUR | GOV | fm | 2003-03-14 | 2007-08-28
Abdullah Gul | Abdullah Gül;Gul;Gül | TUR | GOV | hos | 2007-08-28 | 2014-08-28
Recep Tayyip Erdogan | Recep Tayyip Erdoğan;Tayyip Erdogan;Erdogan;Erdoğan | TUR | GOV | hog | 2003-03-14 | 2014-08-28
Recep Tayyip Erdogan | Recep Tayyip Erdoğan;Tayyip Erdogan;Erdogan;Erdoğan | TUR | GOV | hos | 2014-08-28 |
Ahmet Davutoglu | Ahmet Davutoğlu;Davutoglu;Davutoğlu | TUR | GOV | fm | 2009-05-01 | 2014-08-29
Ahmet Davutoglu | Ahmet Davutoğlu;Davutoglu;Davutoğlu | TUR | GOV | hog | 2014-08-28 | 2016-05-24
Binali Yildirim | Binali Yıldırım | TUR | GOV | hog | 2016-05-24 | 2018-07-09
Mevlut Cavusoglu | Mevlüt Çavuşoğlu;Cavusoglu;Çavuşoğlu | TUR | GOV | fm | 2014-08-29 | 2023-06-04
Hakan Fidan | Fidan | TUR | GOV | fm | 2023-06-04 |
P. W. Botha | P.W. Botha;Pieter Willem Botha | ZAF | GOV | hos | 1978-10-09 | 1989-08-14
Pik Botha | Roelof Botha;R.F. Botha | ZAF | GOV | fm | 1977-04-01 | 1994-05-10
F. W. de Klerk | F.W. de Klerk;de Klerk | ZAF | GOV | hos | 1989-08-15 | 1994-05-10
Nelson Mandela | Mandela | ZAF | GOV | hos | 1994-05-10 | 1999-06-14
Thabo Mbeki | Mbeki | ZAF | GOV | hos | 1999-06-14 | 2008-09-24
Kgalema Motlanthe | Motlanthe | ZAF | GOV | hos | 2008-09-25 | 2009-05-09
Jacob Zuma | Zuma | ZAF | GOV | hos | 2009-05-09 | 2018-02-14
Cyril Ramaphosa | Ramaphosa | ZAF | GOV | hos | 2018-02-15 |
Jacques Delors | Delors | EUR | | igo | 1985-01-06 | 1995-01-24
Jacques Santer | Santer | EUR | | igo | 1995-01-24 | 1999-03-15
Romano Prodi | Prodi | EUR | | igo | 1999-09-16 | 2004-11-21
Jose Manuel Barroso | José Manuel Barroso;Barroso | EUR | | igo | 2004-11-22 | 2014-10-31
Jean-Claude Juncker | Juncker | EUR | | igo | 2014-11-01 | 2019-11-30
Ursula von der Leyen | von der Leyen | EUR | | igo | 2019-12-01 |
Josep Borrell | Borrell | EEC | | igo | 2019-12-01 | 2024-11-30
Kaja Kallas | Kallas | EEC | | igo | 2024-12-01 |
Charles Michel | | EEC | | igo | 2019-12-01 | 2024-11-30
Antonio Costa | António Costa | EEC | | igo | 2024-12-01 |
Mario Draghi | Draghi | ECB | | cb | 2011-11-01 | 2019-10-31
Christine Lagarde | Lagarde | ECB | | cb | 2019-11-01 |
Jacques de Larosiere | Jacques de Larosière;de Larosiere | IMF | | igo | 1978-06-17 | 1987-01-15
Michel Camdessus | Camdessus | IMF | | igo | 1987-01-16 | 2000-02-14
Horst Koehler | Horst Köhler | IMF | | igo | 2000-05-01 | 2004-03-04
Rodrigo Rato | | IMF | | igo | 2004-06-07 | 2007-10-31
Dominique Strauss-Kahn | Strauss-Kahn | IMF | | igo | 2007-11-01 | 2011-05-18
Christine Lagarde | Lagarde | IMF | | igo | 2011-07-05 | 2019-09-12
Kristalina Georgieva | Georgieva | IMF | | igo | 2019-10-01 |
Barber Conable | Conable | WBK | | igo | 1986-07-01 | 1991-08-31
James Wolfensohn | Wolfensohn | WBK | | igo | 1995-06-01 | 2005-05-31
Paul Wolfowitz | Wolfowitz | WBK | | igo | 2005-06-01 | 2007-06-30
Robert Zoellick | Zoellick | WBK | | igo | 2007-07-01 | 2012-06-30
Jim Yong Kim | | WBK | | igo | 2012-07-01 | 2019-02-01
David Malpass | Malpass | WBK | | igo | 2019-04-09 | 2023-06-01
Ajay Banga | Banga | WBK | | igo | 2023-06-02 |
Javier Perez de Cuellar | Javier Pérez de Cuéllar;Perez de Cuellar;Pérez de Cuéllar | UNO | | igo | 1982-01-01 | 1991-12-31
Boutros Boutros-Ghali | Boutros-Ghali | UNO | | igo | 1992-01-01 | 1996-12-31
Kofi Annan | Annan | UNO | | igo | 1997-01-01 | 2006-12-31
Ban Ki-moon | Ban Ki Moon | UNO | | igo | 2007-01-01 | 2016-12-31
Antonio Guterres | António Guterres;Guterres | UNO | | igo | 2017-01-01 |
Jens Stoltenberg | Stoltenberg | NAT | | igo | 2014-10-01 | 2024-10-01
Mark Rutte | Rutte | NLD | GOV | hog | 2010-10-14 | 2024-07-02
Mark Rutte | Rutte | NAT | | igo | 2024-10-01 |
Yitzhak Shamir | Shamir | ISR | GOV | hog | 1986-10-20 | 1992-07-13
Shimon Peres | Peres | ISR | GOV | hog | 1984-09-13 | 1986-10-20
Shimon Peres | Peres | ISR | GOV | fm | 1986-10-20 | 1988-12-22
Benjamin Netanyahu | Netanyahu | ISR | GOV | hog | 1996-06-18 | 1999-07-06
Benjamin Netanyahu | Netanyahu | ISR | GOV | hog | 2009-03-31 | 2021-06-13
Benjamin Netanyahu | Netanyahu | ISR | GOV | hog | 2022-12-29 |
Hosni Mubarak | Mubarak | EGY | GOV | hos | 1981-10-14 | 2011-02-11
Abdel Fattah al-Sisi | Abdel Fattah el-Sisi;Sisi;el-Sisi;al-Sisi | EGY | GOV | hos | 2014-06-08 |
Muammar Gaddafi | Gaddafi;Qaddafi;Moammar Gadhafi;Gadhafi;Muammar Qaddafi | LBY | GOV | hos | 1969-09-01 | 2011-10-20
Hafez al-Assad | Hafez Assad | SYR | GOV | hos | 1971-03-14 | 2000-06-10
Bashar al-Assad | Bashar Assad;Assad | SYR | GOV | hos | 2000-07-17 | 2024-12-08
Fidel Castro | Castro | CUB | GOV | hos | 1959-02-16 | 2008-02-24
Daniel Ortega | Ortega | NIC | GOV | hos | 1985-01-10 | 1990-04-25
Daniel Ortega | Ortega | NIC | GOV | hos | 2007-01-10 |
Volodymyr Zelensky | Zelensky;Zelenskiy;Volodymyr Zelenskiy | UKR | GOV | hos | 2019-05-20 |
George H. W. Bush | George H.W. Bush;George Bush;Bush;Vice President Bush | USA | GOV | vp | 1981-01-20 | 1989-01-20
Dan Quayle | Quayle | USA | GOV | vp | 1989-01-20 | 1993-01-20
Al Gore | | USA | GOV | vp | 1993-01-20 | 2001-01-20
Dick Cheney | Cheney;Richard Cheney | USA | GOV | vp | 2001-01-20 | 2009-01-20
Joe Biden | Biden;Joseph Biden | USA | GOV | vp | 2009-01-20 | 2017-01-20
Mike Pence | Pence | USA | GOV | vp | 2017-01-20 | 2021-01-20
Kamala Harris | Harris | USA | GOV | vp | 2021-01-20 | 2025-01-20
JD Vance | J.D. Vance;Vance | USA | GOV | vp | 2025-01-20 |
Richard Lyng | Lyng | USA | GOV | agri | 1986-03-07 | 1989-01-20
Hajime Tamura | Tamura | JPN | GOV | trade | 1986-07-22 | 1987-11-06
Martin Bangemann | Bangemann | DEU | GOV | trade | 1984-06-27 | 1988-12-09
Paul Channon | Channon | GBR | GOV | trade | 1986-01-24 | 1987-06-13
Lord Young | David Young | GBR | GOV | trade | 1987-06-13 | 1989-07-24
Dilson Funaro | Funaro | BRA | GOV | fin | 1985-08-26 | 1987-04-29
Luiz Carlos Bresser Pereira | Bresser Pereira;Bresser-Pereira | BRA | GOV | fin | 1987-04-29 | 1987-12-21
Gustavo Petricioli | Petricioli | MEX | GOV | fin | 1986-06-17 | 1988-11-30
Juan Sourrouille | Sourrouille | ARG | GOV | fin | 1985-02-19 | 1989-03-31
Paul Keating | Keating | AUS | GOV | fin | 1983-03-11 | 1991-06-03
Pat Carney | | CAN | GOV | trade | 1986-06-30 | 1988-03-31
Krishnaswamy Sundarji | K. Sundarji;General Sundarji;Sundarji | IND | MIL | army | 1986-02-01 | 1988-05-31
Akhtar Abdur Rahman | Akhtar Abdul Rehman | PAK | SPY | intel | 1979-06-01 | 1987-03-29
Hamid Gul | Hameed Gul | PAK | SPY | intel | 1987-03-29 | 1989-05-24
Faiz Hameed | Faiz Hamid | PAK | SPY | intel | 2019-06-16 | 2021-11-20
Nadeem Anjum | | PAK | SPY | intel | 2021-11-20 | 2024-09-30
Muhammad Asim Malik | Asim Malik | PAK | SPY | intel | 2024-09-30 |
Ajit Doval | Doval | IND | GOV | nsa | 2014-05-30 |
Abdul Sattar | | PAK | GOV | fm | 1999-11-06 | 2002-06-12
Gohar Ayub Khan | Gohar Ayub | PAK | GOV | fm | 1997-02-25 | 1998-08-07
Sartaj Aziz | | PAK | GOV | fm | 1998-08-07 | 1999-10-12
Ishrat Husain | Ishrat Hussain | PAK | GOV | cb | 1999-12-02 | 2005-12-01
Shamshad Akhtar | | PAK | GOV | cb | 2006-01-02 | 2009-01-01
Sultan bin Abdulaziz | Prince Sultan | SAU | GOV | def | 1962-10-22 | 2011-10-22
Khalid bin Salman | Prince Khalid bin Salman | SAU | GOV | def | 2022-09-27 |
Ibrahim al-Assaf | | SAU | GOV | fin | 1996-01-01 | 2016-11-01
Abdulaziz bin Salman | Prince Abdulaziz bin Salman | SAU | GOV | energy | 2019-09-08 |
Mohamed bin Zayed Al Nahyan | Mohamed bin Zayed;Mohammed bin Zayed;MBZ;Sheikh Mohamed bin Zayed | ARE | GOV | cp | 2004-11-03 | 2022-05-14
Abdullah bin Nasser Al Thani | | QAT | GOV | hog | 2013-06-26 | 2020-01-28
Khalid bin Khalifa Al Thani | | QAT | GOV | hog | 2020-01-28 | 2023-03-07
Jaber Al-Mubarak Al-Sabah | Jaber al-Mubarak | KWT | GOV | hog | 2011-11-30 | 2019-11-19
Sabah Al-Khalid Al-Sabah | Sabah al-Khalid | KWT | GOV | hog | 2019-11-19 | 2022-07-24
Qasem Soleimani | Qassem Soleimani;Soleimani;Suleimani | IRN | MIL | army | 1998-01-01 | 2020-01-03
Mohammad Bagheri | | IRN | MIL | army | 2016-06-28 | 2025-06-13
Hossein Salami | | IRN | MIL | army | 2019-04-21 | 2025-06-13
Taro Aso | Aso | JPN | GOV | fin | 2012-12-26 | 2021-10-04
Shunichi Suzuki | | JPN | GOV | fin | 2021-10-04 | 2024-10-01
Katsunobu Kato | | JPN | GOV | fin | 2024-10-01 | 2025-10-21
Fernando Haddad | Haddad | BRA | GOV | fin | 2023-01-01 |
Mauro Vieira | | BRA | GOV | fm | 2023-01-01 |
Marcelo Ebrard | Ebrard | MEX | GOV | fm | 2018-12-01 | 2023-06-12
Luis Caputo | | ARG | GOV | fin | 2023-12-10 |
Mehmet Simsek | Mehmet Şimşek;Simsek;Şimşek | TUR | GOV | fin | 2023-06-04 |
Hulusi Akar | Akar | TUR | GOV | def | 2018-07-10 | 2023-06-04
Yasar Guler | Yaşar Güler | TUR | GOV | def | 2023-06-04 |
Naledi Pandor | Pandor | ZAF | GOV | fm | 2019-05-30 | 2024-06-30
Ronald Lamola | Lamola | ZAF | GOV | fm | 2024-07-03 |
Retno Marsudi | Retno | IDN | GOV | fm | 2014-10-27 | 2024-10-20
Julie Bishop | | AUS | GOV | fm | 2013-09-18 | 2018-08-28
Marise Payne | | AUS | GOV | fm | 2018-08-28 | 2022-05-23
Chrystia Freeland | Freeland | CAN | GOV | fm | 2017-01-10 | 2019-11-20
Chrystia Freeland | Freeland | CAN | GOV | fin | 2020-08-18 | 2024-12-16
Liu He | | CHN | GOV | vp | 2018-03-19 | 2023-03-12
He Lifeng | | CHN | GOV | vp | 2023-03-12 |
Wang Wentao | | CHN | GOV | trade | 2020-12-26 |
"""

# Phoenix non-state group names that are too ambiguous to keep (lower case).
NONSTATE_STOPWORDS = {
    "eta", "black star", "angry brigade", "army of god", "anarchist faction", "the base", "the movement",
    "the organization", "the front", "the party", "revolution", "resistance", "mujahideen", "mujahedeen",
    "jihad", "the family", "order", "the order", "shining path", "march", "may", "army", "militia",
    "21 june", "organization", "youth", "zero", "falcon", "tigers", "mavericks", "yahweh", "red flag",
    "red line", "red bill", "triple a", "la liga", "le celle", "de fes", "eyal", "shahin", "hamzah",
    "muhannad", "aleph", "camo", "boogeymen", "order ii", "zanu", "frepaso", "amal", "salauddin",
    "direct action", "international solidarity", "popular resistance", "friendship society",
    "fighters for freedom", "may 15", "may 98", "sandinistas", "burning path", "uncontrolled rage",
    "five c's", "cinque c", "red hand defenders", "conscientious arsonists", "leftist nucleus",
}

# Non-governmental organisations (CAMEO code NGO): name | aliases (;).
NGOS = """
Amnesty International | Amnesty
Human Rights Watch | HRW
Oxfam | Oxfam International
International Crisis Group | Crisis Group
Greenpeace | Greenpeace International
Doctors Without Borders | Medecins Sans Frontieres;Médecins Sans Frontières;MSF
International Committee of the Red Cross | ICRC;Red Cross;International Red Cross
International Federation of Red Cross and Red Crescent Societies | IFRC;Red Crescent
Save the Children | Save the Children Fund
Transparency International |
Reporters Without Borders | Reporters Sans Frontieres;RSF
Committee to Protect Journalists | CPJ
International Rescue Committee | IRC
CARE International |
Norwegian Refugee Council |
Inter-Parliamentary Union | IPU
World Economic Forum | WEF
Bill & Melinda Gates Foundation | Gates Foundation;Bill and Melinda Gates Foundation
Aga Khan Development Network | Aga Khan Foundation
"""

# Armed non-state groups written for this project: name | aliases | code | sector.
NONSTATE_EXTRA = """
Islamic State | ISIS;ISIL;Daesh;Islamic State of Iraq and the Levant;Islamic State of Iraq and Syria;IS militants | IMG | REB
Tehrik-i-Taliban Pakistan | TTP;Pakistani Taliban;Tehreek-e-Taliban Pakistan | PAK | REB
Houthis | Houthi;Houthi rebels;Ansar Allah | YEM | REB
Haqqani network | Haqqani Network | AFG | REB
Baloch Liberation Army | BLA;Balochistan Liberation Army | PAK | REB
Hayat Tahrir al-Sham | HTS | SYR | REB
"""

# One-word Phoenix person names that are common given names or otherwise ambiguous.
PERSON_STOPWORDS = {
    "albert", "hussein", "abdullah", "khalid", "hassan", "faysal", "faisal", "stephenson", "mohammed",
    "muhammad", "mohammad", "ahmed", "ahmad", "ali", "omar", "youth", "zero",
}
