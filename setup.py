"Package setup for imutext, reading everything from settings.ini (nbdev 2 classic layout)."
import shlex
from configparser import ConfigParser
from pathlib import Path
import setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']
req = lambda key: shlex.split(cfg.get(key, ''))
readme = Path('README.md')
licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
lic = licenses[cfg['license']]

setuptools.setup(
    name=cfg['lib_name'], version=cfg['version'], description=cfg['description'],
    long_description=readme.read_text(encoding='utf-8') if readme.exists() else cfg['description'],
    long_description_content_type='text/markdown',
    author=cfg['author'], author_email=cfg['author_email'], license=lic[0],
    classifiers=['Development Status :: ' + statuses[int(cfg['status']) - 1], 'Intended Audience :: ' + cfg['audience'],
                 'License :: ' + lic[1], 'Natural Language :: ' + cfg['language'],
                 'Programming Language :: Python :: 3'],
    url=cfg['git_url'], packages=setuptools.find_packages(include=['imutext', 'imutext.*']),
    include_package_data=True, package_data={'imutext': ['assets/*.json', 'assets/*/*.json', 'assets/models/*.pt', 'assets/models/*.md']},
    install_requires=req('requirements'),
    extras_require={'dev': req('dev_requirements'), 'docs': req('docs_requirements'),
                    'lab': req('lab_requirements'), 'llm': req('llm_requirements')},
    python_requires='>=' + cfg['min_python'], zip_safe=False,
    entry_points={'console_scripts': cfg['console_scripts'].split(), 'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
)
