from coalition_kg.cli import main

main()
