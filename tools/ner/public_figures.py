"""People a learner asks about, not people in the learner's life: historical and public figures
whose names fill homework ("Tell me about Albert Einstein's childhood"). Written by hand for
`lexicons/public_figures.txt`; a tenant keeps them unredacted unless its policy says
`pii.public_figures: redact`.

Full names, and a surname or a single name alone only where nobody in a class would carry it
("Einstein", "Cleopatra"; not "Newton" or "Lincoln", which are everyday surnames).
"""

from __future__ import annotations

FULL_NAMES = """
Albert Einstein|Isaac Newton|Charles Darwin|Marie Curie|Pierre Curie|Nikola Tesla|Thomas Edison|Galileo Galilei
Nicolaus Copernicus|Johannes Kepler|Stephen Hawking|Richard Feynman|Niels Bohr|Max Planck|Ada Lovelace|Alan Turing
Louis Pasteur|Alexander Fleming|Gregor Mendel|Dmitri Mendeleev|Mikhail Lomonosov|Rosalind Franklin|Carl Sagan
Michael Faraday|James Clerk Maxwell|Archimedes|Pythagoras|Euclid|Hippocrates|Leonhard Euler|Carl Friedrich Gauss
Blaise Pascal|René Descartes|Rene Descartes|Benjamin Franklin|Alexander Graham Bell|Wright brothers|Orville Wright
Wilbur Wright|Yuri Gagarin|Neil Armstrong|Buzz Aldrin|Valentina Tereshkova|Sigmund Freud|Ivan Pavlov|Jane Goodall
Florence Nightingale|Edwin Hubble|Tim Berners-Lee|Bill Gates|Steve Jobs|Elon Musk|Mark Zuckerberg|Jeff Bezos
William Shakespeare|Charles Dickens|Jane Austen|Mark Twain|Ernest Hemingway|F. Scott Fitzgerald|George Orwell
Leo Tolstoy|Lev Tolstoy|Fyodor Dostoevsky|Anton Chekhov|Alexander Pushkin|Aleksandr Pushkin|Nikolai Gogol
Mikhail Lermontov|Ivan Turgenev|Mikhail Bulgakov|Boris Pasternak|Anna Akhmatova|Vladimir Nabokov|Victor Hugo
Alexandre Dumas|Jules Verne|Gustave Flaubert|Franz Kafka|Johann Wolfgang von Goethe|Friedrich Schiller
Dante Alighieri|Miguel de Cervantes|Geoffrey Chaucer|William Wordsworth|Lord Byron
Percy Bysshe Shelley|John Keats|Emily Dickinson|Walt Whitman|Edgar Allan Poe|Oscar Wilde
Virginia Woolf|James Joyce|Charlotte Brontë|Charlotte Bronte|Emily Brontë|Emily Bronte|Agatha Christie
Arthur Conan Doyle|J. K. Rowling|J.K. Rowling|J. R. R. Tolkien|J.R.R. Tolkien|C. S. Lewis|C.S. Lewis|Roald Dahl
Lewis Carroll|John Steinbeck|Toni Morrison|Maya Angelou|Gabriel García Márquez|Gabriel Garcia Marquez
Paulo Coelho|Hans Christian Andersen|Brothers Grimm|Aesop|Rabindranath Tagore|Haruki Murakami|Khalil Gibran
Omar Khayyam|Abai Kunanbayuly|Abai Kunanbaev|Abay Kunanbayev|Mukhtar Auezov|Shokan Valikhanov
Chokan Valikhanov|Ybyrai Altynsarin|Ibrahim Altynsarin|Magzhan Zhumabayev|Olzhas Suleimenov|Al-Farabi|Avicenna
Ibn Sina|Ulugh Beg|Alisher Navoi|Chinghiz Aitmatov|Chingiz Aitmatov|Kurmangazy Sagyrbayuly|Zhambyl Zhabayev
Leonardo da Vinci|Michelangelo|Raphael Sanzio|Rembrandt|Vincent van Gogh|Van Gogh|Pablo Picasso|Claude Monet
Salvador Dalí|Salvador Dali|Frida Kahlo|Andy Warhol|Henri Matisse|Edvard Munch|Gustav Klimt|Sandro Botticelli
Johann Sebastian Bach|Wolfgang Amadeus Mozart|Ludwig van Beethoven|Frédéric Chopin|Frederic Chopin
Pyotr Ilyich Tchaikovsky|Pyotr Tchaikovsky|Antonio Vivaldi|Johannes Brahms|Franz Schubert|Richard Wagner
Giuseppe Verdi|Igor Stravinsky|Sergei Rachmaninoff|Elvis Presley|John Lennon|Paul McCartney
Freddie Mercury|Bob Marley|Bob Dylan|Taylor Swift|Beyoncé|Beyonce|Ed Sheeran|Billie Eilish|Charlie Chaplin
Walt Disney|Marilyn Monroe|Audrey Hepburn|Steven Spielberg|Alfred Hitchcock
Julius Caesar|Alexander the Great|Cleopatra|Tutankhamun|Ramses II|Hannibal Barca|Attila the Hun
Genghis Khan|Chinggis Khan|Kublai Khan|Tamerlane|Timur the Lame|Charlemagne|William the Conqueror
Richard the Lionheart|Joan of Arc|Henry VIII|Elizabeth I|Queen Elizabeth I|Queen Elizabeth II|Elizabeth II
Queen Victoria|King Charles III|Louis XIV|Marie Antoinette|Napoleon Bonaparte|Peter the Great|Catherine the Great
Ivan the Terrible|Nicholas II|Vladimir Lenin|Joseph Stalin|Leon Trotsky|Mikhail Gorbachev|Boris Yeltsin
Otto von Bismarck|Adolf Hitler|Benito Mussolini|Winston Churchill|Franklin D. Roosevelt|Franklin Roosevelt
Theodore Roosevelt|George Washington|Thomas Jefferson|Abraham Lincoln|John F. Kennedy|Martin Luther King
Martin Luther King Jr.|Rosa Parks|Malcolm X|Harriet Tubman|Frederick Douglass|Nelson Mandela
Mahatma Gandhi|Mohandas Gandhi|Jawaharlal Nehru|Mao Zedong|Sun Yat-sen|Deng Xiaoping|Ho Chi Minh|Fidel Castro
Che Guevara|Simón Bolívar|Simon Bolivar|Christopher Columbus|Vasco da Gama|Ferdinand Magellan|Marco Polo
Captain Cook|Amerigo Vespucci|Hernán Cortés|Hernan Cortes|Roald Amundsen
Ernest Shackleton|Edmund Hillary|Tenzing Norgay|Amelia Earhart|Charles Lindbergh|Mother Teresa|Anne Frank
Helen Keller|Malala Yousafzai|Greta Thunberg|Barack Obama|Michelle Obama|Donald Trump|Joe Biden|Vladimir Putin
Angela Merkel|Margaret Thatcher|Emmanuel Macron|Nursultan Nazarbayev|Kassym-Jomart Tokayev|Xi Jinping
Jesus Christ|Prophet Muhammad|Buddha|Gautama Buddha|Siddhartha Gautama|Confucius|Lao Tzu|Laozi
Socrates|Plato|Aristotle|Immanuel Kant|Friedrich Nietzsche|Karl Marx|Friedrich Engels
Thomas Hobbes|Jean-Jacques Rousseau|Voltaire|Niccolò Machiavelli|Niccolo Machiavelli|Sun Tzu|Herodotus
Lionel Messi|Cristiano Ronaldo|Pelé|Pele|Diego Maradona|LeBron James|Serena Williams
Usain Bolt|Muhammad Ali|Roger Federer|Rafael Nadal|Novak Djokovic|Gennady Golovkin|Kylian Mbappé|Kylian Mbappe
Sherlock Holmes|Harry Potter|Hermione Granger|Ron Weasley|Albus Dumbledore|Lord Voldemort|Frodo Baggins
Bilbo Baggins|Romeo and Juliet|Hamlet|Macbeth|King Lear|Othello|Oliver Twist|Ebenezer Scrooge
Tom Sawyer|Huckleberry Finn|Robinson Crusoe|Don Quixote|Peter Pan|Winnie the Pooh|Alice in Wonderland
Little Red Riding Hood|Cinderella|Snow White|Pinocchio|Mowgli|Atticus Finch|Jay Gatsby|Elizabeth Bennet
Mr. Darcy|Jane Eyre|Dracula|Frankenstein|Mona Lisa|Santa Claus|Father Christmas|Ded Moroz|Aldar Kose
Mickey Mouse|SpongeBob|Spider-Man|Spiderman|Batman|Superman|Wonder Woman|Iron Man|Captain America
Альберт Эйнштейн|Исаак Ньютон|Александр Пушкин|Пушкин|Лев Толстой|Толстой|Фёдор Достоевский|Достоевский
Антон Чехов|Чехов|Николай Гоголь|Гоголь|Михаил Лермонтов|Лермонтов|Дмитрий Менделеев|Менделеев
Михаил Ломоносов|Ломоносов|Юрий Гагарин|Гагарин|Абай Кунанбаев|Абай Құнанбайұлы|Мухтар Ауэзов
Мұхтар Әуезов|Шокан Уалиханов|Шоқан Уәлиханов|Ыбырай Алтынсарин|Аль-Фараби|Әл-Фараби|Чингисхан|Шыңғыс хан
Пётр Первый|Петр Первый|Екатерина Вторая|Наполеон|Ленин|Сталин|Шекспир|Моцарт|Бетховен|Чайковский
"""

# Single names that stand for the figure alone; none is a classmate's everyday surname.
SINGLE_NAMES = """
Einstein|Shakespeare|Mozart|Beethoven|Tchaikovsky|Chopin|Picasso|Michelangelo|Napoleon|Cleopatra|Gandhi|Dostoevsky
Tolstoy|Pushkin|Chekhov|Gogol|Lermontov|Mendeleev|Lomonosov|Gagarin|Copernicus|Galileo|Archimedes|Pythagoras
Aristotle|Plato|Socrates|Confucius|Hemingway|Tolkien|Rowling|Dumbledore|Voldemort|Gatsby|Scrooge|Hitler|Stalin
Lenin|Mussolini|Churchill|Mandela|Nietzsche|Descartes|Hippocrates|Euclid|Kepler|Faraday|Tesla|Pasteur
Freud|Dickens|Tutankhamun|Charlemagne|Machiavelli|Voltaire|Rembrandt|Botticelli|Vivaldi|Stravinsky|Rachmaninoff
Avicenna|Al-Farabi|Auezov|Valikhanov|Altynsarin|Navoi|Aitmatov|Nazarbayev|Tokayev|Obama|Putin|Merkel
"""


def public_figures() -> set[str]:
    return {name.strip() for block in (FULL_NAMES, SINGLE_NAMES) for line in block.strip().splitlines()
            for name in line.split("|") if name.strip()}
